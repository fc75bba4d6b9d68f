package dev.flightdeck.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassphrasePolicyTest {

    @Test
    void weakPassphrasesAreRefusedWithTheReason() {
        assertThat(PassphrasePolicy.weakness("".toCharArray())).contains("the passphrase is empty");
        assertThat(PassphrasePolicy.weakness("x".toCharArray()))
                .hasValueSatisfying(why -> assertThat(why).contains("has 1 characters"));
        assertThat(PassphrasePolicy.weakness("aaaaaaaaaaaaaaaa".toCharArray()))
                .hasValueSatisfying(why -> assertThat(why).contains("too few different"));
        assertThat(PassphrasePolicy.weakness("1234567890123".toCharArray()))
                .hasValueSatisfying(why -> assertThat(why).contains("run along"));
        assertThat(PassphrasePolicy.weakness("qwertyuiopasdf".toCharArray()))
                .hasValueSatisfying(why -> assertThat(why).contains("run along"));
        assertThat(PassphrasePolicy.weakness("Password2024!".toCharArray()))
                .hasValueSatisfying(why -> assertThat(why).contains("common password"));
    }

    @Test
    void ordinaryWordsWithSpacesWillDo() {
        assertThat(PassphrasePolicy.weakness("correct horse battery staple".toCharArray()))
                .isEmpty();
        assertThat(PassphrasePolicy.weakness("purple-monkey-dishwasher-42".toCharArray()))
                .isEmpty();
        assertThat(PassphrasePolicy.weakness("9f3a1c07e2b44d18".toCharArray())).isEmpty();
    }
}
