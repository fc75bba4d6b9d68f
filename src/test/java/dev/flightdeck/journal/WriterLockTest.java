package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.error.JournalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterInTheSameProcessIsRefusedWithWhoHoldsIt() {
        OperatorKey key = JournalFixture.newOperatorKey();
        Path journal = dir.resolve("j");
        try (JournalWriter first = Journal.create(
                journal,
                UUID.randomUUID(),
                JournalFixture.PASSPHRASE,
                key,
                JournalFixture.fastOptions().withOperator("Dana"))) {
            first.append("note", "Dana", JournalJson.object().put("n", 1));

            assertThatThrownBy(() -> Journal.resume(
                            journal,
                            JournalFixture.PASSPHRASE,
                            key,
                            JournalFixture.fastOptions().withOperator("Eve")))
                    .isInstanceOf(JournalException.class)
                    .hasMessageContaining("is open for writing by Dana (process "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("FD-J09");
        }
        try (JournalWriter second = Journal.resume(
                        journal, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                .writer()) {
            assertThat(second.lastSequence()).isEqualTo(1);
        }
        assertThat(WriterLock.readHolder(journal)).isEmpty();
    }

    @Test
    void aLockLeftByAProcessThatNoLongerRunsIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(WriterLock.HOLDER_FILE), """
                {"pid": %d, "host": "%s", "operator": "Dana", "started": "2026-01-01T00:00:00Z"}
                """.formatted(gone.pid(), hostOfThisMachine()));

        try (WriterLock lock = WriterLock.acquire(dir, "Eve", Instant.now())) {
            assertThat(lock.tookOverFrom())
                    .get()
                    .extracting(WriterLock.Holder::operator)
                    .isEqualTo("Dana");
            assertThat(WriterLock.readHolder(dir))
                    .get()
                    .extracting(WriterLock.Holder::pid)
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void aHolderThatStillRunsIsTrustedEvenWhereTheFileSystemShowsNoLock() throws Exception {
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(WriterLock.HOLDER_FILE), """
                    {"pid": %d, "host": "%s", "operator": "Dana", "started": "2026-01-01T00:00:00Z"}
                    """.formatted(alive.pid(), hostOfThisMachine()));

            assertThatThrownBy(() -> WriterLock.acquire(dir, "Eve", Instant.now()))
                    .hasMessageContaining("still open for writing")
                    .hasMessageContaining("Dana (process " + alive.pid());
        } finally {
            alive.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHolderOnAnotherMachineIsNotGuessedAboutButNamedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve(WriterLock.HOLDER_FILE), """
                {"pid": 1, "host": "other-laptop", "operator": "Dana", "started": "2026-01-01T00:00:00Z"}
                """);

        assertThatThrownBy(() -> WriterLock.acquire(dir, "Eve", Instant.now()))
                .hasMessageContaining("on another machine by Dana (process 1 on other-laptop")
                .hasMessageContaining("delete " + dir.resolve(WriterLock.HOLDER_FILE));
    }

    @Test
    void aNewSessionIsRefusedAFolderHoldingOtherFilesInPlainWords() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> Journal.requireNewDirectory(dir))
                .hasMessage(
                        dir
                                + " is not empty (it holds notes.txt) and is not a journal: choose a new or empty directory for the session's journal");
    }

    private String hostOfThisMachine() throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        try (WriterLock ignored = WriterLock.acquire(probe, "probe", Instant.now())) {
            return WriterLock.readHolder(probe).orElseThrow().host();
        }
    }
}
