package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook and the inventory travel in the journal: at 2 a.m. {@code flightdeck rollback --journal DIR} needs nothing else,
 * even with the runbook file and the inventory file gone; a runbook file given explicitly must be the one that ran.
 */
class RollbackFromJournalAloneTest {

    @TempDir
    Path dir;

    @Test
    void aSessionOfARunbookFileRollsBackAndVerifiesWithTheFilesDeleted() throws Exception {
        Path home = dir.resolve("home");
        Path marker = dir.resolve("marker.txt");
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path workplace = Files.createDirectories(dir.resolve("laptop-a"));
        Path runbook = Files.writeString(workplace.resolve("night.runbook.yaml"), """
                runbook: Night change
                variables: { marker: { description: a file the window writes } }
                phases:
                  - id: change
                    steps:
                      - id: write
                        run: echo changed > ${marker}
                        on: local
                      - id: check
                        run: "false"
                        on: local
                rollback:
                  - run: rm -f ${marker}
                    on: local
                rollback-verification:
                  - run: test ! -e ${marker}
                    on: local
                """);
        Path inventory =
                Files.writeString(workplace.resolve("night.inventory.yaml"), "vars:\n  marker: " + marker + "\n");
        Path journal = dir.resolve("journals/night");

        CliRun run = CliRun.run(
                home,
                "run",
                runbook.toString(),
                "--inventory",
                inventory.toString(),
                "--journal",
                journal.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Dana",
                "--yes");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Cli.PROBLEM);
        assertThat(marker).exists();

        Path other = Files.writeString(
                dir.resolve("other.runbook.yaml"), Files.readString(runbook).replace("Night change", "Other change"));
        Files.delete(runbook);
        Files.delete(inventory);
        Files.delete(workplace);

        CliRun wrongFile = CliRun.run(
                home,
                "rollback",
                "--journal",
                journal.toString(),
                "--runbook",
                other.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Sam",
                "--yes");
        assertThat(wrongFile.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(wrongFile.err())
                .contains("is not the runbook the session ran", "leave out --runbook to use the journal's copy");

        CliRun rollback = CliRun.run(
                home,
                "rollback",
                "--journal",
                journal.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Sam",
                "--yes",
                "--reason",
                "check failed");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("Verification passed", "Rollback done.");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aSessionWaitingAtItsGateResumesFromTheJournalAloneWithTheRunbookFileGone() throws Exception {
        Path home = dir.resolve("home");
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path runbook = Files.writeString(dir.resolve("gate.runbook.yaml"), """
                runbook: Gated change
                phases:
                  - id: change
                    steps:
                      - id: notice
                        confirm: Users were notified
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                      - id: after
                        run: echo done
                        on: local
                rollback:
                  - run: echo undone
                    on: local
                """);
        Path journal = dir.resolve("journals/gate");
        CliRun first = CliRun.run(
                home,
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Dana",
                "--yes");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
        Files.delete(runbook);

        CliRun resumed = CliRun.run(
                home,
                "run",
                "--resume",
                "--journal",
                journal.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Dana",
                "--yes",
                "--approve",
                "COMPLIANCE=Lee");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("Resumed Gated change", "All steps done.");

        CliRun noRunbook = CliRun.run(
                home,
                "run",
                "--journal",
                dir.resolve("journals/new").toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--operator",
                "Dana");
        assertThat(noRunbook.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(noRunbook.err()).contains("name the RUNBOOK to run");
    }
}
