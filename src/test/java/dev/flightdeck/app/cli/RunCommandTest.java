package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck run} as an operator uses it from a terminal, with a real journal under FLIGHTDECK_HOME. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path home;
    private Path runbook;
    private Path passphrase;

    @BeforeEach
    void files() throws Exception {
        home = dir.resolve("home");
        passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        runbook = Files.writeString(dir.resolve("night.runbook.yaml"), """
                runbook: Night upgrade
                variables: { marker: { description: a file the window writes } }
                phases:
                  - id: prepare
                    steps:
                      - id: notice
                        confirm: Users were notified
                      - id: write
                        run: echo upgraded > ${marker} && echo wrote ${marker}
                        on: local
                  - id: approve
                    steps:
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                      - id: check
                        run: cat ${marker}
                        on: local
                        expect: { output-contains: upgraded }
                rollback:
                  - run: rm -f ${marker}
                    on: local
                """);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("journal").toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--var",
                "marker=" + dir.resolve("marker.txt")));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    @Test
    void aSessionStopsAtItsApprovalGateAndFinishesWhenResumedWithAnApprover() throws Exception {
        CliRun first = run("--operator", "Dana", "--yes");

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(first.out())
                .contains(
                        "✓ 1.1 Checklist item: Users were notified",
                        "▶ 1.2 Command:",
                        "wrote " + dir.resolve("marker.txt"),
                        "… 2.1 Approval: Approval by COMPLIANCE: waiting for approval by [COMPLIANCE] (touches PHI)");

        CliRun selfApproval = run("--operator", "Dana", "--resume", "--approve", "COMPLIANCE=dana");
        assertThat(selfApproval.exitCode()).isEqualTo(1);
        assertThat(selfApproval.out()).contains("dana is running this session and cannot approve its gates");

        CliRun second = run("--operator", "Dana", "--resume", "--approve", "COMPLIANCE=Lee Compliance");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out())
                .contains(
                        "approved by Lee Compliance (COMPLIANCE), checkpoint ",
                        "✓ exited with 0 on this computer",
                        "All steps done. Closing checkpoint ");
        assertThat(JournalVerifier.verify(dir.resolve("journal"), Optional.empty(), Optional.empty())
                        .isIntact())
                .isTrue();
    }

    @Test
    void aDryRunShowsWhatWouldRunWithoutJournalOrPassphrase() {
        CliRun dry = CliRun.run(home, "run", runbook.toString(), "--dry-run", "--var", "marker=/tmp/m.txt");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out())
                .contains(
                        "Dry run: nothing is connected to or changed.",
                        "1.2   Command",
                        "where: this computer",
                        "| echo upgraded > /tmp/m.txt && echo wrote /tmp/m.txt",
                        "R1    Command");
        assertThat(Files.exists(dir.resolve("journal"))).isFalse();
    }

    @Test
    void aMissingVariableIsAUsageError() {
        CliRun missing = CliRun.run(home, "run", runbook.toString(), "--dry-run");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no value for [marker]");
    }

    @Test
    void aSessionKilledDuringAStepResumesWithThatStepUnknown() throws Exception {
        Path slow = Files.writeString(dir.resolve("slow.runbook.yaml"), """
                runbook: Slow step
                phases:
                  - id: p
                    steps:
                      - id: first
                        run: echo first
                        on: local
                      - id: slow
                        run: echo started; sleep 60
                        on: local
                      - id: last
                        run: echo last
                        on: local
                rollback:
                  - run: echo rollback
                    on: local
                """);
        Path journal = dir.resolve("crash-journal");
        Process child = ChildRun.start(home, slow, journal, "Dana", passphrase);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains("local | started")) {
                // wait until the slow step is running: its intent is durable before it starts
            }
            assertThat(line).as("the child reached the slow step").isNotNull();
        }
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        CliRun resumed = CliRun.run(
                home,
                "run",
                slow.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                passphrase.toString(),
                "--resume");
        assertThat(resumed.exitCode()).as(resumed.out()).isEqualTo(3);
        assertThat(resumed.out())
                .contains(
                        "? 1.2 Command: Run: echo started; sleep 60: started before the session was interrupted",
                        "--mark-done slow=");

        CliRun finished = CliRun.run(
                home,
                "run",
                slow.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                passphrase.toString(),
                "--resume",
                "--mark-done",
                "slow=checked the host: the step had done its work");
        assertThat(finished.exitCode()).as(finished.out()).isZero();
        assertThat(finished.out()).contains("marked done by hand", "1.3 Command: Run: echo last", "All steps done.");
        assertThat(JournalVerifier.verify(journal, Optional.empty(), Optional.empty())
                        .isIntact())
                .isTrue();
    }

    @Test
    void aTriggerFiringDuringAWatchFailsItAndTheJournalKeepsTheEvidence() throws Exception {
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/api/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        health.start();
        try {
            Path inventory = Files.writeString(dir.resolve("clinic.inventory.yaml"), """
                    endpoints:
                      health: { url: "http://127.0.0.1:%d/api/health", kind: health, timeout: 2s }
                    """.formatted(
                            health.getAddress().getPort()));
            Path watched = Files.writeString(dir.resolve("watch.runbook.yaml"), """
                    runbook: Canary watch
                    phases:
                      - id: canary
                        steps:
                          - id: watch
                            wait: { duration: 2m, watch: canary 10% }
                    rollback-triggers:
                      - health fails 2 consecutive
                    rollback:
                      - confirm: Rolled back
                    """);
            Path journal = dir.resolve("watch-journal");

            CliRun run = CliRun.run(
                    home,
                    "run",
                    watched.toString(),
                    "--inventory",
                    inventory.toString(),
                    "--journal",
                    journal.toString(),
                    "--operator",
                    "Dana",
                    "--passphrase-file",
                    passphrase.toString());

            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            assertThat(run.out()).contains("✗ rollback trigger fired after", "of watching: health fails 2 consecutive");
            var events = SessionJournals.read(journal, "correct horse battery staple".toCharArray());
            assertThat(events)
                    .map(recorded -> recorded.event())
                    .filteredOn(SessionEvent.Alarm.class::isInstance)
                    .singleElement()
                    .satisfies(event -> {
                        var alarm = (SessionEvent.Alarm) event;
                        assertThat(alarm.trigger()).isEqualTo("health fails 2 consecutive");
                        assertThat(alarm.action()).isEqualTo("rollback");
                        assertThat(alarm.evidence()).isNotEmpty();
                    });
        } finally {
            health.stop(0);
        }
    }
}
