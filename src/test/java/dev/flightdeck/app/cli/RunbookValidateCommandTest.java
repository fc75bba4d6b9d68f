package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookValidateCommandTest {

    private static final String EVERY_KIND = "src/test/resources/runbooks/every-kind.runbook.yaml";
    private static final String INVENTORY = "src/test/resources/inventory/clinic.inventory.yaml";

    @TempDir
    Path home;

    @Test
    void aValidRunbookExitsZero() {
        CliRun run = CliRun.run(home, "runbook", "validate", EVERY_KIND);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("valid\n");
    }

    @Test
    void everyProblemOfEveryFileIsPrintedLikeACompilerAndExitsOne() {
        String first = "src/test/resources/runbooks/malformed/03-unknown-step-key.runbook.yaml";
        String second = "src/test/resources/runbooks/malformed/25-bad-fan-out.runbook.yaml";

        CliRun run = CliRun.run(home, "runbook", "validate", first, second);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines())
                .containsExactly(
                        first + ":8:9: unknown key 'timout' in step 'stop' (did you mean 'timeout'?)",
                        second
                                + ":8:17: batch 'half' in 'serial' of step 'roll' must be a count or a percentage like 25%",
                        second + ":9:19: 'max-fail' in step 'roll' must be a count or a percentage, not 'lots'");
    }

    @Test
    void aTriggerWhoseThresholdDoesNotFitItsSignalIsReportedAtItsPosition(@TempDir Path dir) throws IOException {
        Path runbook = dir.resolve("units.runbook.yaml");
        Files.writeString(runbook, """
                runbook: Units
                phases:
                  - id: only
                    steps:
                      - id: notice
                        confirm: Users were notified
                rollback-triggers:
                  - error_rate > 200ms
                  - latency_p95 > 1%
                rollback:
                  - confirm: Rolled back
                """);

        CliRun run = CliRun.run(home, "runbook", "validate", runbook.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines())
                .containsExactly(
                        runbook
                                + ":8:5: rollback trigger 'error_rate > 200ms': 'error_rate' is not a duration; write its threshold without 'ms'",
                        runbook
                                + ":9:5: rollback trigger 'latency_p95 > 1%': 'latency_p95' is not a percentage; write its threshold without '%'");
    }

    @Test
    void targetsAreCheckedAgainstTheInventory(@TempDir Path dir) throws IOException {
        Path runbook = dir.resolve("targets.runbook.yaml");
        Files.writeString(runbook, """
                runbook: Targets that the inventory lacks
                phases:
                  - id: deploy
                    steps:
                      - id: restart
                        run: sudo -n systemctl restart clinic-app
                        on: apps
                      - id: count
                        sql: SELECT 1
                        database: healthcar
                      - id: ping
                        http: { endpoint: helth }
                      - id: here
                        run: uname -a
                        on: local
                rollback:
                  - run: sudo -n systemctl restart clinic-app
                    on: app
                """);

        CliRun run = CliRun.runWith(
                home,
                Map.of("HOME", operatorHome(dir, true).toString()),
                "runbook",
                "validate",
                runbook.toString(),
                "--inventory",
                INVENTORY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        runbook + ":5:9: step 'restart' runs on 'apps', which is neither a host nor a group in "
                                + INVENTORY + " (did you mean 'app', 'app1' or 'app2'?)",
                        runbook + ":8:9: step 'count' uses database 'healthcar', which is not in " + INVENTORY
                                + " (did you mean 'healthcare'?)",
                        runbook + ":11:9: step 'ping' calls endpoint 'helth', which is not in " + INVENTORY
                                + " (did you mean 'health'?)");
        assertThat(run.out()).doesNotContain("'here'");
    }

    @Test
    void theSameRunbookPassesWithAnInventoryWhoseHostsTheOperatorsSshSetupCanReach(@TempDir Path dir)
            throws IOException {
        CliRun run = CliRun.runWith(
                home,
                Map.of("HOME", operatorHome(dir, true).toString()),
                "runbook",
                "validate",
                EVERY_KIND,
                "--inventory",
                INVENTORY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("valid\n");
    }

    @Test
    void theInventorysSshProblemsArePrintedOnceAtTheirInventoryLines(@TempDir Path dir) throws IOException {
        Path inventory = dir.resolve("looping.inventory.yaml");
        Files.writeString(inventory, Files.readString(Path.of(INVENTORY)).replaceFirst("hosts:\n", """
                hosts:
                  relay1: { address: 10.0.9.1, jump: relay2 }
                  relay2: { address: 10.0.9.2, jump: relay1 }
                """));

        CliRun run = CliRun.runWith(
                home,
                Map.of("HOME", operatorHome(dir, false).toString()),
                "runbook",
                "validate",
                EVERY_KIND,
                EVERY_KIND,
                "--inventory",
                inventory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines())
                .satisfiesExactly(
                        relay1 ->
                                assertThat(relay1).startsWith(inventory + ":2:").contains("relay1", "loop"),
                        relay2 ->
                                assertThat(relay2).startsWith(inventory + ":3:").contains("relay2", "loop"),
                        app1 -> assertThat(app1)
                                .startsWith(inventory + ":4:")
                                .contains(dir.resolve("home/.ssh/id_ed25519").toString(), "does not exist"),
                        web1 -> assertThat(web1).startsWith(inventory + ":8:").contains("web1", "no address", "DNS"));
    }

    /**
     * A home of the test's own, so the SSH check never reads the real ~/.ssh. When {@code complete}, it has what the
     * clinic inventory needs: {@code ~/.ssh/id_ed25519} (app1's key) and a {@code Host web1} with a HostName;
     * otherwise an empty {@code ~/.ssh}.
     */
    private static Path operatorHome(Path dir, boolean complete) throws IOException {
        Path ssh = Files.createDirectories(dir.resolve("home/.ssh"));
        if (complete) {
            Files.writeString(ssh.resolve("id_ed25519"), "not read by validate: only its presence is checked\n");
            Files.writeString(ssh.resolve("config"), "Host web1\n  HostName 10.0.4.30\n  User deploy\n");
        }
        return ssh.getParent();
    }

    @Test
    void aMissingFileIsWrongUsageNotACrash() {
        CliRun run = CliRun.run(home, "runbook", "validate", "no/such.runbook.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("flightdeck: no/such.runbook.yaml: no such file\n");
    }

    @Test
    void wrongUsageExitsTwo() {
        CliRun run = CliRun.run(home, "runbook", "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter");
    }
}
