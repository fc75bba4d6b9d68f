package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck sandbox}: starts, tells the operator how to rehearse, and leaves nothing behind when it stops. */
class SandboxCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSandboxPrintsItsInventoryAndHowToRehearseThenStopsAndRemovesItsFiles() throws Exception {
        Path sandbox = dir.resolve("sandbox");
        CliRun run = CliRun.run(dir.resolve("home"), "sandbox", "--fault", "--dir", sandbox.toString(), "--for", "1s");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Rehearsal sandbox up in",
                        "with the fault switch ON (v2: 5 % errors, 3x latency)",
                        "Inventory: " + sandbox.resolve("sandbox.inventory.yaml"),
                        "clinic app on app1: http://127.0.0.1:",
                        "ssh host db1: SHA256:",
                        "PGPASSFILE=" + sandbox.resolve("pgpass"),
                        "flightdeck run rehearsal --inventory",
                        "flightdeck rollback --journal",
                        "Sandbox stopped after 1s");
        assertThat(sandbox).isEmptyDirectory();
        assertThat(Files.readString(dir.resolve("home/known_hosts"))).isEmpty();
    }

    @Test
    void wrongUseIsAUsageErrorAndStartsNothing() {
        assertThat(CliRun.run(
                                dir.resolve("home"),
                                "sandbox",
                                "--dir",
                                dir.resolve("s").toString(),
                                "--for",
                                "soon")
                        .exitCode())
                .isEqualTo(Cli.USAGE);
        CliRun faultAlone = CliRun.run(
                dir.resolve("home"),
                "run",
                "rehearsal",
                "--fault",
                "--journal",
                dir.resolve("j").toString(),
                "--operator",
                "Dana");
        assertThat(faultAlone.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(faultAlone.err()).contains("--fault goes with --sandbox");
        assertThat(dir.resolve("s")).doesNotExist();
    }
}
