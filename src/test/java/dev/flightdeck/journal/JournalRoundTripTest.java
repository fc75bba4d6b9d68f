package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
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
        try (JournalWriter writer =
                Journal.create(directory, session, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            writer.append("session.opened", "dana", JournalJson.object().put("runbook", "project-h-upgrade"));
            writer.append(
                    "step.intent",
                    "dana",
                    JournalJson.object().put("step", "health").put("command", "npm test"));
            approval = writer.checkpoint("approval compliance-approval");
        }
        Journal.Resumed resumed =
                Journal.resume(directory, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions());
        assertThat(resumed.replay().entries())
                .extracting(JournalEntry::type)
                .containsExactly("session.opened", "step.intent", "checkpoint");
        try (JournalWriter writer = resumed.writer()) {
            writer.append("step.outcome", "dana", JournalFixture.outcome(1));
            writer.closeSession("session close");
        }

        Replay replay = Journal.read(directory, JournalFixture.PASSPHRASE);

        assertThat(replay.sessionId()).isEqualTo(session);
        assertThat(replay.entries()).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(replay.entries().get(1).text("command")).isEqualTo("npm test");
        assertThat(replay.checkpoints())
                .extracting(Checkpoint::shortHash)
                .first()
                .isEqualTo(approval.shortHash());
        assertThat(replay.isClosed()).isTrue();
        assertThat(replay.scan().segments()).hasSize(2);
    }

    /**
     * A collector stopped at the end of a session, or a step cancelled by the emergency rollback, is interrupted while
     * it may be journaling: the journal must record it and stay usable (an interruptible channel would close for good).
     */
    @Test
    void aWriterInterruptedWhileAppendingKeepsRecording() throws Exception {
        OperatorKey key = JournalFixture.newOperatorKey();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (JournalWriter writer = Journal.create(
                directory, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            Thread interrupted = new Thread(() -> {
                Thread.currentThread().interrupt();
                writer.append(
                        "connection",
                        "flightdeck",
                        JournalJson.object().put("host", "app1").put("state", "connected"));
                writer.checkpoint("while interrupted");
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            interrupted.start();
            interrupted.join();
            writer.append("step.outcome", "dana", JournalFixture.outcome(3));
            writer.closeSession("session close");
        }
        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        Replay replay = Journal.read(directory, JournalFixture.PASSPHRASE);
        assertThat(replay.entries())
                .extracting(JournalEntry::type)
                .containsExactly("connection", "checkpoint", "step.outcome", "checkpoint");
        assertThat(replay.isClosed()).isTrue();
    }

    @Test
    void aTornTailIsReportedThenRecordedAsARecoveryEventOnReopening() throws Exception {
        OperatorKey key = JournalFixture.newOperatorKey();
        try (JournalWriter writer = Journal.create(
                directory, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            for (int i = 1; i <= 5; i++) {
                writer.append("step.outcome", "dana", JournalFixture.outcome(i));
            }
        }
        Path segment = directory.resolve("segment-000001.fdj");
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 30)); // record 5 cut short

        VerificationReport beforeReopening = JournalVerifier.verify(directory, Optional.empty(), Optional.empty());
        assertThat(beforeReopening.isIntact()).isFalse();
        assertThat(beforeReopening.tornTails())
                .singleElement()
                .extracting(tear -> tear.afterSequence())
                .isEqualTo(4L);

        Journal.Resumed resumed =
                Journal.resume(directory, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions());
        resumed.writer().close();
        Replay replay = Journal.read(directory, JournalFixture.PASSPHRASE);

        assertThat(resumed.replay().entries()).hasSize(4);
        assertThat(replay.entries())
                .extracting(JournalEntry::type)
                .containsExactly("step.outcome", "step.outcome", "step.outcome", "step.outcome", "recovery");
        assertThat(replay.entries().get(4).payload().get("afterSequence").asLong())
                .isEqualTo(4);
        assertThat(replay.entries().get(4).sequence()).isEqualTo(5);
        assertThat(JournalVerifier.verify(directory, Optional.empty(), Optional.empty())
                        .isIntact())
                .isTrue();
    }

    @Test
    void anotherOperatorsKeyCannotContinueTheJournal() {
        JournalFixture.writeSession(directory, JournalFixture.newOperatorKey(), 5);
        Assertions.assertThatThrownBy(() -> Journal.resume(
                        directory,
                        JournalFixture.PASSPHRASE,
                        JournalFixture.newOperatorKey(),
                        JournalFixture.fastOptions()))
                .isInstanceOfSatisfying(
                        JournalException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.OTHER_SIGNING_KEY));
    }

    @Test
    void verificationWithoutPassphraseChecksChainAndSignatures() {
        OperatorKey key = JournalFixture.newOperatorKey();
        JournalFixture.writeSession(directory, key, 50);

        VerificationReport withKey = JournalVerifier.verify(directory, Optional.of(key.publicKey()), Optional.empty());
        VerificationReport otherKey = JournalVerifier.verify(
                directory, Optional.of(JournalFixture.newOperatorKey().publicKey()), Optional.empty());
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
