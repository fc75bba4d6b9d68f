package dev.flightdeck.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readableDurationsParse() {
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse(" 4H ")).contains(Duration.ofHours(4));
    }

    @Test
    void prosAndBareNumbersDoNotParse() {
        assertThat(Durations.parse("5 minutes")).isEmpty();
        assertThat(Durations.parse("300")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("m5")).isEmpty();
    }

    @Test
    void formattingIsTheShortestReadableForm() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void suggestionsAreOfferedOnlyForCloseWords() {
        assertThat(DidYouMean.closest("timout", List.of("timeout", "title", "target")))
                .contains("timeout");
        assertThat(DidYouMean.closest("zebra", List.of("timeout", "title"))).isEmpty();
        assertThat(DidYouMean.closest("prot", List.of("port", "user"))).contains("port");
        assertThat(DidYouMean.closest("base", List.of("date", "ts"))).isEmpty();
    }
}
