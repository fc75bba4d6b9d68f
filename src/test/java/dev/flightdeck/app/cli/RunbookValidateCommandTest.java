package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(run.out().lines()).containsExactly(
                first + ":8:9: unknown key 'timout' in step 'stop' (did you mean 'timeout'?)",
                second + ":8:17: batch 'half' in 'serial' of step 'roll' must be a count or a percentage like 25%",
                second + ":9:19: 'max-fail' in step 'roll' must be a count or a percentage, not 'lots'");
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

        CliRun run = CliRun.run(home, "runbook", "validate", runbook.toString(), "--inventory", INVENTORY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(
                runbook + ":5:9: step 'restart' runs on 'apps', which is neither a host nor a group in " + INVENTORY + " (did you mean 'app', 'app1' or 'app2'?)",
                runbook + ":8:9: step 'count' uses database 'healthcar', which is not in " + INVENTORY + " (did you mean 'healthcare'?)",
                runbook + ":11:9: step 'ping' calls endpoint 'helth', which is not in " + INVENTORY + " (did you mean 'health'?)");
        assertThat(run.out()).doesNotContain("'here'");
    }

    @Test
    void theSameRunbookPassesWithoutAnInventory() {
        CliRun run = CliRun.run(home, "runbook", "validate", EVERY_KIND, "--inventory", INVENTORY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid");
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        CliRun run = CliRun.run(home, "runbook", "validate", "no/such.runbook.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("no/such.runbook.yaml: no such file\n");
    }

    @Test
    void wrongUsageExitsTwo() {
        CliRun run = CliRun.run(home, "runbook", "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter");
    }
}
