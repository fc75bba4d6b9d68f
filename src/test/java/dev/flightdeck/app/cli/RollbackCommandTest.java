package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.verify.JournalVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck rollback}: the plan from the journal, run headless, files back to their state before the window. */
class RollbackCommandTest {

    @TempDir
    Path dir;

    private Path home;
    private Path passphrase;
    private Path config;

    @BeforeEach
    void files() throws Exception {
        home = dir.resolve("home");
        passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        config = Files.writeString(dir.resolve("app.conf"), "version=1\n");
    }

    private Path runbook(String rollbackStep) throws Exception {
        return Files.writeString(dir.resolve("upgrade.runbook.yaml"), """
                runbook: Config upgrade
                variables: { conf: { description: the config file } }
                phases:
                  - id: change
                    steps:
                      - id: save
                        run: cp ${conf} ${conf}.before
                        on: local
                        undo: { run: "rm -f ${conf}.before", on: local }
                      - id: upgrade
                        run: echo version=2 > ${conf}
                        on: local
                        undo: { run: "cp ${conf}.before ${conf}", on: local }
                      - id: gate
                        approve: { role: OPERATIONS }
                rollback:
                %s
                  - confirm: Users told the upgrade was rolled back
                """.formatted(rollbackStep));
    }

    private CliRun flightdeck(Path runbook, String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (args[0].equals("run")) {
            list.addAll(1, List.of(runbook.toString()));
            list.addAll(List.of("--var", "conf=" + config));
        } else {
            list.addAll(List.of("--runbook", runbook.toString()));
        }
        list.addAll(List.of(
                "--journal",
                dir.resolve("journal").toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                passphrase.toString()));
        return CliRun.run(home, list.toArray(String[]::new));
    }

    @Test
    void theRollbackRunsTheProcedureThenTheUndosNewestFirstAndRestoresTheFiles() throws Exception {
        Path runbook = runbook("  - run: echo rolling back\n    on: local");
        assertThat(flightdeck(runbook, "run").exitCode()).isEqualTo(3);
        assertThat(config).hasContent("version=2");

        CliRun plan = flightdeck(runbook, "rollback", "--plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out())
                .containsSubsequence(
                        "R1",
                        "rolling back",
                        "(rollback procedure)",
                        "R2",
                        "Checklist item",
                        "Users told",
                        "R3",
                        "cp ",
                        "(undo of step upgrade)",
                        "R4",
                        "rm -f",
                        "(undo of step save)");

        CliRun rollback = flightdeck(runbook, "rollback", "--yes");
        assertThat(rollback.exitCode()).as(rollback.out()).isZero();
        assertThat(rollback.out())
                .contains(
                        "Rollback started by Dana (emergency rollback from the command line), checkpoint ",
                        "Rollback done. Checkpoint ",
                        "Session closed, closing checkpoint ");
        assertThat(config).hasContent("version=1");
        assertThat(dir.resolve("app.conf.before")).doesNotExist();

        CliRun again = flightdeck(runbook, "run", "--resume", "--approve", "OPERATIONS=Lee");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("the session is closed");
        assertThat(JournalVerifier.verify(dir.resolve("journal"), Optional.empty(), Optional.empty())
                        .isIntact())
                .isTrue();
    }

    @Test
    void aFailingRollbackStepStopsAndContinuesOnlyWithAWrittenSkip() throws Exception {
        Path runbook = runbook("  - id: stop-service\n    run: echo cannot stop >&2; exit 4\n    on: local");
        assertThat(flightdeck(runbook, "run").exitCode()).isEqualTo(3);

        CliRun stopped = flightdeck(runbook, "rollback", "--yes");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.out())
                .contains(
                        "✗ exited with 4 on this computer",
                        "The rollback stopped at R1",
                        "not run: R3  Run: cp ",
                        "--skip stop-service=");
        assertThat(config).hasContent("version=2");

        CliRun continued =
                flightdeck(runbook, "rollback", "--yes", "--skip", "stop-service=stopped it by hand with systemctl");
        assertThat(continued.exitCode()).as(continued.out()).isZero();
        assertThat(continued.out())
                .contains("Continuing the rollback that was under way.", "skipped (stopped it by hand with systemctl)");
        assertThat(config).hasContent("version=1");
    }

    @Test
    void aClosedSessionIsRolledBackOnlyWhenReopenedWithAReasonAndEndsClosedAgain() throws Exception {
        Path runbook = runbook("  - run: echo rolling back\n    on: local");
        CliRun upgrade = flightdeck(runbook, "run", "--approve", "OPERATIONS=Lee");
        assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isZero();
        assertThat(upgrade.out()).contains("All steps done. Closing checkpoint ");
        Path journal = dir.resolve("journal");
        long closedSize = journalBytes(journal);

        CliRun plan = flightdeck(runbook, "rollback", "--plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("R1", "rolling back", "Note: This session closed at ", "ago)", "is lost");
        assertThat(plan.out())
                .as("the undo's command with this session's values")
                .contains("cp " + config + ".before " + config);

        // the problem is found the next morning: without --reopen and a reason nothing happens, and nothing is written
        CliRun refused = flightdeck(runbook, "rollback", "--yes");
        assertThat(refused.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(refused.err())
                .contains(
                        "This session closed at ", "anything written to them since the close", "--reopen and --reason");
        assertThat(flightdeck(runbook, "rollback", "--yes", "--reopen").err()).contains("--reopen and --reason");
        assertThat(config).hasContent("version=2");
        assertThat(journalBytes(journal))
                .as("a refused rollback writes nothing")
                .isEqualTo(closedSize);
        assertThat(JournalVerifier.verify(journal, Optional.empty(), Optional.empty())
                        .isClosed())
                .isTrue();

        CliRun rollback = flightdeck(
                runbook,
                "rollback",
                "--yes",
                "--reopen",
                "--reason",
                "lab results missing since the upgrade (Dr. Ames)");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out())
                .containsSubsequence(
                        "Session reopened for its rollback by Dana (lab results missing since the upgrade (Dr. Ames)), checkpoint ",
                        "Rollback done. Checkpoint ",
                        "Session closed again, closing checkpoint ");
        assertThat(config).hasContent("version=1");
        assertThat(dir.resolve("app.conf.before")).doesNotExist();
        var verified = JournalVerifier.verify(journal, Optional.empty(), Optional.empty());
        assertThat(verified.isIntact()).isTrue();
        assertThat(verified.isClosed())
                .as("the reopened session ends with a closing checkpoint again")
                .isTrue();

        assertThat(flightdeck(runbook, "rollback", "--yes", "--reopen", "--reason", "again")
                        .err())
                .contains("nothing left to roll back");
        assertThat(flightdeck(runbook, "run", "--resume", "--approve", "OPERATIONS=Lee")
                        .exitCode())
                .isNotZero();

        Path report = dir.resolve("report");
        CliRun export = CliRun.run(
                home,
                "journal",
                "export",
                journal.toString(),
                "--format",
                "html",
                "--out",
                report.toString(),
                "--passphrase-file",
                passphrase.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readString(report.resolve("journal-report.html")))
                .contains(
                        "Reopened for its rollback",
                        "by Dana: lab results missing",
                        "Session reopened for its rollback by Dana",
                        "rolled back after the window had closed");
    }

    @Test
    void reopenIsRefusedForASessionStillOpen() throws Exception {
        Path runbook = runbook("  - run: echo rolling back\n    on: local");
        assertThat(flightdeck(runbook, "run").exitCode()).isEqualTo(3);
        CliRun refused = flightdeck(runbook, "rollback", "--yes", "--reopen", "--reason", "x");
        assertThat(refused.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(refused.err()).contains("--reopen is for a closed session");
        assertThat(config).hasContent("version=2");
    }

    private static long journalBytes(Path journal) throws IOException {
        try (var files = Files.list(journal)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
