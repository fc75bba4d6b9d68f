package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest {

    @TempDir
    Path directory;

    @Test
    void appendedEntriesReplayInOrderAcrossReopenings() {
        OperatorKey key = JournalFixture.newOperatorKey();
        UUID session = UUID.randomUUID();
        Checkpoint approval;
        try (JournalWriter writer = Journal.create(directory, session, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            writer.append("session.opened", "dana", JournalJson.object().put("runbook", "project-h-upgrade"));
            writer.append("step.intent", "dana", JournalJson.object().put("step", "health").put("command", "npm test"));
            approval = writer.checkpoint("approval compliance-approval");
        }
        Journal.Resumed resumed = Journal.resume(directory, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions());
        assertThat(resumed.replay().entries()).extracting(JournalEntry::type)
                .containsExactly("session.opened", "step.intent", "checkpoint");
        try (JournalWriter writer = resumed.writer()) {
            writer.append("step.outcome", "dana", JournalFixture.outcome(1));
            writer.closeSession("session close");
        }

        Replay replay = Journal.read(directory, JournalFixture.PASSPHRASE);

        assertThat(replay.sessionId()).isEqualTo(session);
        assertThat(replay.entries()).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(replay.entries().get(1).text("command")).isEqualTo("npm test");
        assertThat(replay.checkpoints()).extracting(Checkpoint::shortHash).first().isEqualTo(approval.shortHash());
        assertThat(replay.isClosed()).isTrue();
        assertThat(replay.scan().segments()).hasSize(2);
    }

    @Test
    void verificationWithoutPassphraseChecksChainAndSignatures() {
        OperatorKey key = JournalFixture.newOperatorKey();
        JournalFixture.writeSession(directory, key, 50);

        VerificationReport withKey = JournalVerifier.verify(directory, Optional.of(key.publicKey()), Optional.empty());
        VerificationReport otherKey = JournalVerifier.verify(directory, Optional.of(JournalFixture.newOperatorKey().publicKey()), Optional.empty());
        VerificationReport decrypting;
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            decrypting = JournalVerifier.verify(directory, Optional.empty(), Optional.of(keys));
        }

        withKey.lines().forEach(System.out::println);
        assertThat(withKey.isIntact()).isTrue();
        assertThat(withKey.isSealed()).isTrue();
        assertThat(withKey.records()).isEqualTo(50);
        assertThat(withKey.checkpoints()).hasSize(5);
        assertThat(otherKey.isIntact()).isFalse();
        assertThat(decrypting.isIntact()).isTrue();
        assertThat(decrypting.everyRecordDecrypted()).isTrue();
    }
}
