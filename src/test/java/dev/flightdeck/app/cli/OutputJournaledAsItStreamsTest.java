package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration printing a line per batch, its process killed mid-step (child JVM, {@code destroyForcibly}): every line
 * printed more than one chunk interval before the kill is in the journal, and the resume shows the last of them.
 */
class OutputJournaledAsItStreamsTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void outputOfAStepKilledMidwayIsKeptUpToTheLastChunkAndTheResumeShowsIt() throws Exception {
        Path runbook = Files.writeString(dir.resolve("migrate.runbook.yaml"), """
                runbook: Batched migration
                phases:
                  - id: p
                    steps:
                      - id: migrate
                        run: for i in 1 2 3 4 5 6 7 8; do echo "batch $i done"; sleep 0.2; done; echo "8 of 20 batches"; sleep 300
                        on: local
                rollback:
                  - run: echo rollback
                    on: local
                """);
        Path passphrase = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
        Path journal = dir.resolve("journal");
        Path home = dir.resolve("home");
        Process child = ChildRun.start(home, runbook, journal, "Dana", passphrase);
        try {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && !line.contains("8 of 20 batches")) {
                    // the eighth batch is on the operator's screen
                }
                assertThat(line).as("the child printed every batch").isNotNull();
            }
            String journaled = waitForParts(journal, "8 of 20 batches", Duration.ofSeconds(60));
            assertThat(journaled).contains("batch 1 done", "batch 8 done");
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(JournalVerifier.verify(journal, Optional.empty(), Optional.empty())
                        .isIntact())
                .isTrue();
        assertThat(partsText(journal)
                        .lines()
                        .filter(line -> line.startsWith("batch "))
                        .toList())
                .as("each line once, in order")
                .containsExactly(
                        "batch 1 done",
                        "batch 2 done",
                        "batch 3 done",
                        "batch 4 done",
                        "batch 5 done",
                        "batch 6 done",
                        "batch 7 done",
                        "batch 8 done");

        CliRun resumed = CliRun.run(
                home,
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                passphrase.toString(),
                "--resume");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(3);
        assertThat(resumed.out())
                .containsPattern("started before the session was interrupted; the outcome was never recorded; "
                        + "its last journaled output \\(local stdout at [0-9T:-]+Z: 8 of 20 batches\\)");
    }

    /** The journal is read (no lock: a reader) until its parts hold the text; a reader may meet a record half written. */
    private static String waitForParts(Path journal, String expected, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                text = partsText(journal);
                if (text.contains(expected)) {
                    return text;
                }
            } catch (RuntimeException halfWritten) {
                // read again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no part with '" + expected + "' within " + patience + "; journaled so far: " + text);
    }

    private static String partsText(Path journal) {
        List<Recorded> history = SessionJournals.read(journal, PASSPHRASE.toCharArray());
        return history.stream()
                .map(Recorded::event)
                .filter(SessionEvent.StepOutputPart.class::isInstance)
                .map(SessionEvent.StepOutputPart.class::cast)
                .map(SessionEvent.StepOutputPart::text)
                .collect(Collectors.joining());
    }
}
