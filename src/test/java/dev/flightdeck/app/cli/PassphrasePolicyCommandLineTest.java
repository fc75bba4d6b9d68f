package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One passphrase policy for new journals and keys, whether the passphrase comes from a file, the environment or a prompt. */
class PassphrasePolicyCommandLineTest {

    @TempDir
    Path dir;

    private Path runbook() throws Exception {
        return Files.writeString(dir.resolve("r.runbook.yaml"), """
                runbook: Tiny
                phases:
                  - id: p
                    steps:
                      - { id: hello, run: echo hello, on: local }
                rollback:
                  - { run: echo back, on: local }
                """);
    }

    @Test
    void aWeakOrEmptyPassphraseCreatesNoJournalAndNoKey() throws Exception {
        Path runbook = runbook();
        Path weak = Files.writeString(dir.resolve("weak"), "x\n");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        CliRun fromFile = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("j1").toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                weak.toString());
        CliRun fromEmptyFile = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("j2").toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                empty.toString());
        CliRun fromEmptyVariable = CliRun.runWith(
                dir.resolve("home"),
                Map.of("FLIGHTDECK_PASSPHRASE", ""),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("j3").toString(),
                "--operator",
                "Dana");
        CliRun fromVariable = CliRun.runWith(
                dir.resolve("home"),
                Map.of("FLIGHTDECK_PASSPHRASE", "abc123"),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("j4").toString(),
                "--operator",
                "Dana");

        assertThat(fromFile.exitCode()).isNotZero();
        assertThat(fromFile.err())
                .contains(
                        "the passphrase is too weak to protect a new journal: the passphrase has 1 characters; use at least 12");
        assertThat(fromEmptyFile.err()).contains("the passphrase file " + empty + " is empty");
        assertThat(fromEmptyVariable.err()).contains("$FLIGHTDECK_PASSPHRASE is set but empty");
        assertThat(fromVariable.err()).contains("too weak to protect a new journal");
        for (String journal : new String[] {"j1", "j2", "j3", "j4"}) {
            assertThat(dir.resolve(journal)).doesNotExist();
        }
        assertThat(dir.resolve("home/keys/operator-ed25519.key")).doesNotExist();
    }

    @Test
    void aPassphraseFileOthersCanReadIsWarnedAbout() throws Exception {
        Path open = Files.writeString(dir.resolve("open"), "correct horse battery staple\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook().toString(),
                "--journal",
                dir.resolve("j").toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                open.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err())
                .contains(
                        "warning: the passphrase file " + open + " can be read by other users (rw-r--r--)",
                        "chmod 600 " + open);
    }
}
