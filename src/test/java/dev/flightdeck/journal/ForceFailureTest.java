package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.storage.DurableFile;
import dev.flightdeck.journal.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForceFailureTest {

    @TempDir
    Path directory;

    @Test
    void aFailedSyncStopsTheWriterAndNothingUnsyncedIsReportedDurable() {
        AtomicInteger forces = new AtomicInteger();
        int failingForce = 6; // the header's sync is the first; records 1-4 succeed, record 5's sync fails
        Storage failing = new FailingForceStorage(forces, failingForce);
        JournalWriter writer = Journal.create(
                directory,
                UUID.randomUUID(),
                JournalFixture.PASSPHRASE,
                JournalFixture.newOperatorKey(),
                JournalFixture.fastOptions().withStorage(failing));
        for (int i = 1; i <= 4; i++) {
            assertThat(writer.append("step.outcome", "dana", JournalFixture.outcome(i))
                            .sequence())
                    .isEqualTo(i);
        }

        assertThatThrownBy(() -> writer.append("step.outcome", "dana", JournalFixture.outcome(5)))
                .isInstanceOfSatisfying(
                        JournalException.class, e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.WRITE_FAILED))
                .hasMessageContaining("session is stopped");
        assertThatThrownBy(() -> writer.append("step.outcome", "dana", JournalFixture.outcome(6)))
                .isInstanceOfSatisfying(
                        JournalException.class, e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.STOPPED));
        assertThatThrownBy(() -> writer.checkpoint("approval"))
                .isInstanceOfSatisfying(
                        JournalException.class, e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.STOPPED));

        System.out.printf(
                "force failure: durable records reported %d, sync calls %d (the failed one was not retried), writer stopped %b%n",
                writer.lastSequence(), forces.get(), writer.isStopped());
        assertThat(writer.lastSequence()).isEqualTo(4);
        assertThat(writer.isStopped()).isTrue();
        assertThat(forces.get()).isEqualTo(failingForce);
        writer.close();
    }

    /** Real files whose N-th {@code force} fails, as fsync does on a failing disk. */
    private record FailingForceStorage(AtomicInteger forces, int failing) implements Storage {
        @Override
        public DurableFile createNew(Path file) throws IOException {
            DurableFile real = Storage.files().createNew(file);
            return new DurableFile() {
                @Override
                public void append(ByteBuffer bytes) throws IOException {
                    real.append(bytes);
                }

                @Override
                public void force() throws IOException {
                    if (forces.incrementAndGet() == failing) {
                        throw new IOException("Input/output error (simulated fsync failure)");
                    }
                    real.force();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        }

        @Override
        public void syncDirectory(Path directory) throws IOException {
            Storage.files().syncDirectory(directory);
        }
    }
}
