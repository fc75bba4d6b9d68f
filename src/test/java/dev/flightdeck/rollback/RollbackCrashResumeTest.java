package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.Launcher;
import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.testing.db.PostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightdeck rollback} killed (child JVM, {@code destroyForcibly}) while a rollback step runs: running it
 * again continues the same plan, re-runs the interrupted step, and the system ends as it was before the window.
 */
class RollbackCrashResumeTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void aRollbackKilledMidStepIsFinishedByRunningItAgain() throws Exception {
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            Path srv = dir.resolve("srv");
            // the first attempt of the first rollback step hangs until the process is killed; the retry goes straight
            // through
            String runbookText = UpgradeRunbook.TEXT
                    .replace(
                            "  - id: rb-stop\n    run: ${svc} stop\n",
                            "  - id: rb-stop\n    run: ${svc} stop && { [ -e ${srv}/resumed ] || { touch ${srv}/in-rollback; sleep 20; }; }\n")
                    // the window stays open (a session closed after its last step is sealed and cannot roll back)
                    .replace(
                            "rollback:\n",
                            "  - id: accept\n    steps:\n      - { id: accepted, confirm: The clinic accepted the upgrade }\nrollback:\n");
            Path runbook = Files.writeString(dir.resolve("lab.runbook.yaml"), runbookText);
            Path inventory = Files.writeString(dir.resolve("inv.yaml"), lab.inventoryText());
            Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
            Path home = dir.resolve("home");
            List<String> common = List.of(
                    "--journal",
                    dir.resolve("journal").toString(),
                    "--inventory",
                    inventory.toString(),
                    "--operator",
                    "Dana",
                    "--passphrase-file",
                    passphrase.toString());
            RollbackLab.SystemState before = lab.state();

            CliRun upgrade = CliRun.runWith(
                    home,
                    Map.of("HOME", lab.userHome().toString()),
                    args(
                            List.of("run", runbook.toString(), "--var", "srv=" + srv, "--var", "svc=" + lab.service),
                            common));
            assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isEqualTo(3);

            Process child = childRollback(
                    home, lab.userHome(), args(List.of("rollback", "--runbook", runbook.toString(), "--yes"), common));
            try {
                waitFor(srv.resolve("in-rollback"), child);
            } finally {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.writeString(srv.resolve("resumed"), "");

            CliRun resumed = CliRun.runWith(
                    home,
                    Map.of("HOME", lab.userHome().toString()),
                    args(List.of("rollback", "--runbook", runbook.toString(), "--yes"), common));
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out())
                    .contains(
                            "Continuing the rollback that was under way.",
                            "? R1  Run: " + lab.service + " stop && { [ -e " + srv + "/resumed ]",
                            "its outcome was never recorded (interrupted); running it again",
                            "#    check",
                            "V1   Data counts and content match the capture before the change",
                            "PASS",
                            "Verification passed",
                            "Rollback done. Checkpoint ");
            Files.delete(srv.resolve("in-rollback"));
            Files.delete(srv.resolve("resumed"));
            assertThat(lab.state()).isEqualTo(before);
            assertThat(JournalVerifier.verify(dir.resolve("journal"), Optional.empty(), Optional.empty())
                            .isIntact())
                    .isTrue();
        }
    }

    private static String[] args(List<String> first, List<String> common) {
        List<String> all = new ArrayList<>(first);
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    private static Process childRollback(Path home, Path userHome, String[] args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("child.log").toFile());
        builder.environment().put(FlightdeckHome.VARIABLE, home.toString());
        builder.environment().put("HOME", userHome.toString());
        return builder.start();
    }

    private static String childLog(Path marker) {
        try {
            return Files.readString(marker.getParent().resolveSibling("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The marker the hanging step writes once it runs; fails if the child ends first. */
    private static void waitFor(Path marker, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(marker)) {
            assertThat(child.isAlive())
                    .as(() -> "the child rollback ended before its first step ran: " + childLog(marker))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("the child's first rollback step did not start within 60 s")
                    .isLessThan(deadline);
            child.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }
}
