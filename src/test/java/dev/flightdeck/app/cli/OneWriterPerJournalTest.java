package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.WriterLock;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.ssh.Credentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes, one journal: a {@code flightdeck run} in a child JVM holds its journal; a {@code rollback} or a
 * {@code run --resume} started beside it is refused with who holds it; once the child is killed its lock is taken over,
 * and the journal verifies with every record the first writer made.
 */
class OneWriterPerJournalTest {

    @TempDir
    Path dir;

    private Path home;
    private Path runbook;
    private Path passphrase;
    private Path journal;
    private Process child;

    @BeforeEach
    void files() throws Exception {
        home = dir.resolve("home");
        journal = dir.resolve("journal");
        passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        runbook = Files.writeString(dir.resolve("slow.runbook.yaml"), """
                runbook: Slow step
                phases:
                  - id: p
                    steps:
                      - id: first
                        run: echo first
                        on: local
                      - id: slow
                        run: echo started; sleep 120
                        on: local
                rollback:
                  - run: echo rolled back
                    on: local
                """);
    }

    @AfterEach
    void killChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRollbackBesideARunningSessionIsRefusedThenTakesOverOnceTheRunIsGone() throws Exception {
        startRunInChildJvm();
        long recordsWhileRunning = intactRecords();

        CliRun refused = cli("rollback", "--runbook", runbook.toString(), "--yes");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains(
                        journal + " is open for writing by Dana (process " + child.pid() + " on ",
                        "Only one Flightdeck may write to a journal at a time",
                        "[FD-J09]");
        assertThat(actors()).as("the refused opener wrote nothing").doesNotContain("Eve");
        intactRecords();

        killChildAndItsCommand();
        assertThat(WriterLock.readHolder(journal))
                .as("the killed run left its note behind")
                .isPresent();

        CliRun rollback = cli("rollback", "--runbook", runbook.toString(), "--yes");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("Run: echo rolled back", "Rollback done. Checkpoint ");
        assertThat(intactRecords()).isGreaterThan(recordsWhileRunning);
        assertThat(WriterLock.readHolder(journal))
                .as("a closed writer leaves no holder")
                .isEmpty();
    }

    @Test
    void aSecondResumeBesideARunningSessionIsRefusedAndNothingIsLost() throws Exception {
        startRunInChildJvm();
        long recordsWhileRunning = intactRecords();

        CliRun refused = cli("run", runbook.toString(), "--resume");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is open for writing by Dana (process " + child.pid());
        assertThat(actors()).as("the refused opener wrote nothing").doesNotContain("Eve");
        intactRecords();

        killChildAndItsCommand();
        CliRun resumed = cli("run", runbook.toString(), "--resume");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(3);
        assertThat(resumed.out()).contains("started before the session was interrupted");
        assertThat(intactRecords()).isGreaterThan(recordsWhileRunning);
    }

    /**
     * The console opens sessions through {@link SessionLauncher}, as {@code SessionSetupViewModel} does: beside a
     * running {@code flightdeck run} it is refused with who holds the journal; once it holds the journal itself, the
     * command line's rollback is refused in turn, and takes over when the console's session is closed.
     */
    @Test
    void theConsoleAndTheCommandLineRefuseEachOther() throws Exception {
        startRunInChildJvm();
        SessionLauncher console = SessionLauncher.forProduction(
                new AppContext(new FlightdeckHome(home), Map.of(FlightdeckHome.VARIABLE, home.toString())));

        assertThatThrownBy(() -> console.resume(consoleChoices(), "resumed in the console by Eve"))
                .hasMessageContaining(journal + " is open for writing by Dana (process " + child.pid() + " on ");
        assertThat(actors()).as("the refused console wrote nothing").doesNotContain("Eve");

        killChildAndItsCommand();
        try (LiveSession live = console.resume(consoleChoices(), "resumed in the console by Eve")) {
            CliRun refused = cli("rollback", "--runbook", runbook.toString(), "--yes");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains(journal + " is open for writing by Eve (process "
                            + ProcessHandle.current().pid());
            assertThat(live.session().state().closed())
                    .as("the console's session is untouched")
                    .isEmpty();
        }
        intactRecords();
        CliRun rollback = cli("rollback", "--runbook", runbook.toString(), "--yes");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("Rollback done. Checkpoint ");
    }

    private SessionLauncher.Choices consoleChoices() throws Exception {
        RunbookSource source = RunbookSource.of(runbook.toString());
        return new SessionLauncher.Choices(
                source.parsed().value().orElseThrow(),
                source.sha256(),
                Inventory.empty(),
                "(none)",
                Map.of(),
                "Eve",
                journal,
                "correct horse battery staple".toCharArray(),
                PasswordSource.none(),
                Credentials.NONE,
                SessionEvent.Mode.LIVE);
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--journal", journal.toString(), "--operator", "Eve", "--passphrase-file", passphrase.toString()));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    private void startRunInChildJvm() throws Exception {
        child = ChildRun.start(home, runbook, journal, "Dana", passphrase);
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.contains("started")) {
            // the slow step's intent is durable before it starts; the child holds the journal until it ends
        }
        assertThat(line).as("the child reached the slow step").isNotNull();
    }

    private void killChildAndItsCommand() throws Exception {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        assertThat(child.destroyForcibly().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Who wrote the records (the running child's parts of output keep coming, so counts are not compared). */
    private List<String> actors() {
        return SessionJournals.read(journal, "correct horse battery staple".toCharArray()).stream()
                .map(Recorded::actor)
                .distinct()
                .toList();
    }

    private long intactRecords() {
        VerificationReport report = JournalVerifier.verify(journal, Optional.empty(), Optional.empty());
        assertThat(report.isIntact()).as(String.join("\n", report.lines())).isTrue();
        return report.records();
    }
}
