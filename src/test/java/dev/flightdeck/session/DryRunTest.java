package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static final Map<String, String> START_VALUES = Map.of(
            "ts",
            "20261123_020000",
            "operator",
            "dana",
            "release",
            "2.0.0",
            "ticket",
            "CHG-1042",
            "app_dir",
            "/opt/project-h");

    private static Inventory inventory() throws IOException {
        return InventoryLoader.load(Path.of("src/test/resources/inventory/clinic.inventory.yaml"))
                .orElseThrow();
    }

    private static Runbook everyKind() throws IOException {
        return RunbookLoader.load(Path.of("src/test/resources/runbooks/every-kind.runbook.yaml"))
                .orElseThrow();
    }

    @Test
    void everyStepShowsItsBoundTextAndResolvedTargets() throws IOException {
        DryRun.Plan plan = DryRun.plan(everyKind(), inventory(), START_VALUES);

        DryRun.PlannedStep archive = plan.steps().stream()
                .filter(s -> s.step().id().equals("app-backup"))
                .findFirst()
                .orElseThrow();
        assertThat(archive.number()).isEqualTo("1.7");
        assertThat(archive.where()).containsExactly("app1", "app2");
        assertThat(archive.text()).isEqualTo("tar -czf /var/backups/app_20261123_020000.tar.gz /opt/project-h");
        DryRun.PlannedStep migrate = plan.steps().stream()
                .filter(s -> s.step().id().equals("migrate"))
                .findFirst()
                .orElseThrow();
        assertThat(migrate.where()).containsExactly("healthcare (flightdeck@10.0.4.20:5432/healthcare_db)");
        DryRun.PlannedStep health = plan.steps().stream()
                .filter(s -> s.step().id().equals("health"))
                .findFirst()
                .orElseThrow();
        assertThat(health.where()).containsExactly("https://clinic.example/api/health");
        assertThat(plan.rollback().get(1).text()).isEqualTo("Restore database healthcare");
        assertThat(plan.isRunnable()).isTrue();
    }

    @Test
    void builtInValuesFixedOnlyAtTheStartAreShownAsPlaceholdersBeforeIt() throws IOException {
        DryRun.Plan plan = DryRun.plan(
                everyKind(),
                inventory(),
                Map.of("release", "2.0.0", "ticket", "CHG-1042", "app_dir", "/opt/project-h"));

        DryRun.PlannedStep archive = plan.steps().stream()
                .filter(s -> s.step().id().equals("app-backup"))
                .findFirst()
                .orElseThrow();
        assertThat(archive.text())
                .isEqualTo("tar -czf /var/backups/app_<ts: time the session starts>.tar.gz /opt/project-h");
        assertThat(archive.problem()).isEmpty();
        assertThat(plan.isRunnable()).isTrue();
    }

    @Test
    void outputsOfEarlierStepsAreShownAsPlaceholders() throws IOException {
        Runbook runbook = RunbookLoader.load("""
                runbook: Uses a backup file
                phases:
                  - id: p
                    steps:
                      - id: dump
                        backup: { database: healthcare }
                      - id: copy
                        run: cp ${steps.dump.file} /mnt/offsite/
                        on: db
                rollback:
                  - restore: { database: healthcare }
                """, "t.runbook.yaml", "t").orElseThrow();

        DryRun.Plan plan = DryRun.plan(runbook, inventory(), START_VALUES);

        assertThat(plan.steps().get(1).text()).isEqualTo("cp <file of dump> /mnt/offsite/");
        assertThat(plan.steps().get(1).where()).containsExactly("db1");
    }

    @Test
    void missingTargetsAndValuesAreProblemsNamingTheStep() throws IOException {
        Runbook runbook = RunbookLoader.load("""
                runbook: Targets and values missing
                variables: { target: { description: where the commands run } }
                phases:
                  - id: p
                    steps:
                      - id: restart
                        run: sudo -n systemctl restart clinic-app
                        on: ${target}
                      - id: ping
                        http: api
                rollback:
                  - run: echo rollback
                    on: web
                """, "t.runbook.yaml", "t").orElseThrow();

        DryRun.Plan plan = DryRun.plan(runbook, inventory(), START_VALUES);

        assertThat(plan.isRunnable()).isFalse();
        assertThat(plan.problems())
                .containsExactly(
                        "1.1 restart: ${target} has no value: set it under the inventory's vars: or when the session starts",
                        "1.2 ping: endpoint 'api' is not in src/test/resources/inventory/clinic.inventory.yaml",
                        "R1 rollback-1: 'web' is neither a host nor a group in src/test/resources/inventory/clinic.inventory.yaml");
    }
}
