package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunbookLoaderTest {

    private static Runbook runbook;

    @BeforeAll
    static void loadTheRunbookThatUsesEveryKind() throws IOException {
        Parsed<Runbook> parsed = RunbookLoader.load(Path.of("src/test/resources/runbooks/every-kind.runbook.yaml"));
        assertThat(parsed.problems()).as("problems").isEmpty();
        runbook = parsed.value().orElseThrow();
    }

    @Test
    void headerWindowAndVariablesAreRead() {
        assertThat(runbook.id()).isEqualTo("clinic-v2");
        assertThat(runbook.title()).isEqualTo("Clinic CMS v2 upgrade");
        assertThat(runbook.source()).isEqualTo("seeds/000_1de117782fe5c1df.txt");
        assertThat(runbook.description()).isEqualTo("Upgrades the clinic CMS from v1 to v2 with a schema refactor.");
        assertThat(runbook.window().duration()).contains(Duration.ofHours(4));
        assertThat(runbook.window().pointOfNoReturn()).contains("migrate");
        assertThat(runbook.variables())
                .extracting(VariableDefinition::name)
                .containsExactly("app_dir", "release", "ticket");
        assertThat(runbook.variables().get(1).defaultValue()).contains("2.0.0");
        assertThat(runbook.variables().get(2).isRequired()).isTrue();
    }

    @Test
    void everyStepKindIsRecognised() {
        assertThat(Stream.concat(runbook.steps(), runbook.rollback().stream())
                        .map(Step::kind)
                        .distinct()
                        .toList())
                .containsExactlyInAnyOrder(StepKind.values());
        assertThat(runbook.phases()).extracting(Phase::id).containsExactly("pre-upgrade", "upgrade");
        assertThat(runbook.phases().get(0).estimate()).contains(Duration.ofMinutes(20));
    }

    @Test
    void aBaselineStepNamesItsWindowAndTheSignalsItNeedsByTheirCanonicalNames() {
        assertThat(runbook.step("settled").orElseThrow().action())
                .isEqualTo(new StepAction.Baseline(Duration.ofMinutes(5), List.of("latency_p95", "error_rate")));
        assertThat(RunbookLoader.load("""
                runbook: Tuning
                phases:
                  - id: tune
                    steps:
                      - id: before
                        baseline: 10m
                """, "tuning.runbook.yaml", "tuning")
                        .orElseThrow()
                        .step("before")
                        .orElseThrow()
                        .action())
                .isEqualTo(new StepAction.Baseline(Duration.ofMinutes(10), List.of()));
    }

    @Test
    void commandStepsCarryTargetTimeoutExpectationAndUndo() {
        Step archive = runbook.step("app-backup").orElseThrow();
        assertThat(archive.action()).isEqualTo(new StepAction.Run("tar -czf /var/backups/app_${ts}.tar.gz ${app_dir}"));
        assertThat(archive.displayTitle()).isEqualTo("Archive the application");
        assertThat(archive.target()).contains("app");
        assertThat(archive.timeout()).contains(Duration.ofMinutes(10));
        assertThat(archive.expect().exitCodesOrDefault()).containsExactly(0);
        assertThat(archive.undo()).hasValueSatisfying(undo -> {
            assertThat(undo.id()).isEqualTo("app-backup.undo");
            assertThat(undo.target()).contains("app");
        });
        assertThat(archive.position().line()).isEqualTo(31);
    }

    @Test
    void fanOutIsRead() {
        Step deploy = runbook.step("deploy").orElseThrow();
        assertThat(deploy.fanOut().serial())
                .containsExactly(
                        new FanOut.Amount(1, false), new FanOut.Amount(50, true), new FanOut.Amount(100, true));
        assertThat(deploy.fanOut().maxFail()).contains(new FanOut.Amount(1, false));
        assertThat(deploy.fanOut().serial().get(1).of(3)).isEqualTo(2);
    }

    @Test
    void sqlStepsTakeTheirDatabaseFromBesideOrInside() {
        assertThat(runbook.step("migrate").orElseThrow().action())
                .isEqualTo(
                        new StepAction.Sql("ALTER TABLE patients DROP COLUMN phone", "healthcare", List.of(), false));
        assertThat(runbook.step("migrate").orElseThrow().sensitiveOutput()).isTrue();
        Step check = runbook.step("check").orElseThrow();
        assertThat(check.action())
                .isEqualTo(new StepAction.Sql(
                        "SELECT count(*) FROM visits WHERE clinic = ?", "healthcare", List.of("${ticket}"), false));
        assertThat(check.expect().value()).hasValueSatisfying(v -> {
            assertThat(v.test("3")).isTrue();
            assertThat(v.test("0")).isFalse();
        });
    }

    @Test
    void gatesWaitsChecksAndNoticesAreRead() {
        assertThat(runbook.step("approval").orElseThrow().action())
                .isEqualTo(
                        new StepAction.Approve(List.of(Role.COMPLIANCE, Role.SECURITY), "Key rotation touches PHI", 1));
        assertThat(runbook.step("contacts").orElseThrow().action())
                .isEqualTo(new StepAction.Confirm("Emergency contacts notified", true));
        assertThat(runbook.step("canary").orElseThrow().action())
                .isEqualTo(new StepAction.Wait(Duration.ofMinutes(10), "error rate and latency of the canary"));
        Step api = runbook.step("api").orElseThrow();
        assertThat(api.required()).isFalse();
        assertThat(api.action())
                .isEqualTo(new StepAction.Http(
                        "https://clinic.example/api/patients",
                        "GET",
                        Map.of("Accept", "application/json"),
                        Optional.empty()));
        assertThat(api.expect().acceptsStatus(204)).isTrue();
        assertThat(api.expect().acceptsStatus(201)).isFalse();
        assertThat(api.expect().maxLatency()).contains(Duration.ofSeconds(2));
        assertThat(runbook.step("done").orElseThrow().action())
                .isEqualTo(new StepAction.Notify(
                        "Upgrade to ${release} complete (${ticket})", "clinic staff", Optional.of("chat")));
    }

    @Test
    void databaseProtectionStepsAreRead() {
        assertThat(runbook.step("db-backup").orElseThrow().action())
                .isEqualTo(new StepAction.Backup(
                        "healthcare", StepAction.BackupFormat.CUSTOM, Optional.of("/var/backups")));
        assertThat(runbook.step("counts-before").orElseThrow().action())
                .isEqualTo(new StepAction.VerifyData(
                        "healthcare",
                        List.of("patients", "visits"),
                        Optional.empty(),
                        Map.of("patients", List.of("id", "updated_at"))));
        assertThat(runbook.step("counts-after").orElseThrow().action())
                .isEqualTo(new StepAction.VerifyData("healthcare", List.of(), Optional.of("counts-before"), Map.of()));
    }

    @Test
    void triggersAndRollbackPlanAreRead() {
        assertThat(runbook.rollbackTriggers())
                .extracting(TriggerSpec::action)
                .containsExactly(
                        TriggerSpec.Action.ARM_ROLLBACK,
                        TriggerSpec.Action.ARM_ROLLBACK,
                        TriggerSpec.Action.ARM_ROLLBACK,
                        TriggerSpec.Action.ALERT,
                        TriggerSpec.Action.ARM_ROLLBACK);
        assertThat(runbook.rollbackTriggers().get(4).countdown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(runbook.rollbackTriggers().get(3).rule()).isEqualTo(new TriggerRule.AnyFailure("db_connection"));
        assertThat(runbook.rollback())
                .extracting(Step::id)
                .containsExactly("rollback-1", "rollback-2", "rollback-3", "rollback-4");
        assertThat(runbook.rollback().get(1).action())
                .isEqualTo(new StepAction.Restore("healthcare", Optional.of("${steps.db-backup.file}")));
    }

    @Test
    void fileNameGivesTheIdWhenNoneIsDeclared() {
        assertThat(RunbookLoader.defaultId("night-upgrade.runbook.yaml")).isEqualTo("night-upgrade");
        assertThat(RunbookLoader.defaultId("plain.yml")).isEqualTo("plain");
    }

    @Test
    void checklistShowsPhasesStepsTriggersAndRollback() {
        String checklist = ChecklistPrinter.print(runbook);

        assertThat(checklist)
                .startsWith("Clinic CMS v2 upgrade  [clinic-v2]\nsource: seeds/000_1de117782fe5c1df.txt\nwindow: 4h\n");
        assertThat(checklist)
                .contains("1. Pre-upgrade (critical)  (~20m)")
                .contains("   [ ] 1.1 Checklist item: Users were notified 48 hours in advance  {window-notice}")
                .contains(
                        "   [ ] 1.7 Command: Archive the application  {app-backup}\n         on app: tar -czf /var/backups/app_${ts}.tar.gz ${app_dir}\n         undo: Run: rm -f")
                .contains("(optional)  {api}")
                .contains("   - error_rate > 1% for 5m  (arms rollback, 1m countdown)")
                .contains("   - db connection failures  (alert only)")
                .contains("Rollback plan:\n   [ ] R1 Command: Run: sudo -n systemctl stop project-h  {rollback-1}");
    }
}
