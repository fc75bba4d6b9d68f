package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 describes its procedures as TypeScript. Every call the code awaits is a step of the
 * maintenance-procedures runbook (a rollback call is the undo of the step it reverses), every approval role of
 * the change request has its gate, and every pre-check and configuration rule the code names is checked.
 */
class BuiltinMaintenanceProceduresCodeTest {

    private static final String SEED = "002_b05bdab73f44703a.txt";

    /** Awaited call in the seed → the step that does it ({@code ID.undo} for the undo of step ID), and its kind. */
    private static final Map<String, Expected> STEP_OF_CALL = Map.ofEntries(
            Map.entry("notifyMaintenance", new Expected("notify-maintenance", StepKind.NOTIFY)),
            Map.entry("prisma.$executeRaw", new Expected("vacuum-patients", StepKind.SQL)),
            Map.entry("verifyTableStats", new Expected("verify-table-stats", StepKind.SQL)),
            Map.entry("backupComponent", new Expected("backup-component", StepKind.RUN)),
            Map.entry("applyPatch", new Expected("apply-patches", StepKind.RUN)),
            Map.entry("verifyUpdate", new Expected("verify-update", StepKind.RUN)),
            Map.entry("rollbackUpdate", new Expected("apply-patches.undo", StepKind.RUN)),
            Map.entry("prisma.$queryRaw", new Expected("slow-queries", StepKind.SQL)),
            Map.entry("optimizeQuery", new Expected("optimize-queries", StepKind.CONFIRM)),
            Map.entry("validateQueryPerformance", new Expected("validate-query-performance", StepKind.SQL)),
            Map.entry("collectMetrics", new Expected("baseline-metrics", StepKind.BASELINE)),
            Map.entry("applyTuning", new Expected("apply-tuning", StepKind.RUN)),
            Map.entry("waitForStabilization", new Expected("wait-stabilisation", StepKind.WAIT)),
            Map.entry("rollbackTuning", new Expected("apply-tuning.undo", StepKind.RUN)),
            Map.entry("verifyTuning", new Expected("tuning-verified", StepKind.CONFIRM)),
            Map.entry("beginConfigTransaction", new Expected("begin-config-transaction", StepKind.RUN)),
            Map.entry("validateConfiguration", new Expected("validate-configuration", StepKind.CONFIRM)),
            Map.entry("applyConfiguration", new Expected("apply-configuration", StepKind.RUN)),
            Map.entry("verifyConfiguration", new Expected("verify-max-connections", StepKind.SQL)),
            Map.entry("commitConfigTransaction", new Expected("commit-config-transaction", StepKind.CONFIRM)),
            Map.entry("rollbackConfigTransaction", new Expected("apply-configuration.undo", StepKind.RUN)),
            Map.entry("updateMaintenanceStatus", new Expected("status-completed", StepKind.NOTIFY)),
            Map.entry("logMaintenanceProgress", new Expected("progress-logged", StepKind.CONFIRM)),
            Map.entry("notifyMaintenanceIssues", new Expected("notify-issues", StepKind.NOTIFY)),
            Map.entry("generateMaintenanceReport", new Expected("maintenance-report", StepKind.CONFIRM)));

    private static final Pattern AWAITED_CALL = Pattern.compile("await\\s+([\\w.$]+)\\s*[(`]");
    private static final Pattern QUOTED_WORD = Pattern.compile("'([A-Z_]+)'");

    private record Expected(String stepId, StepKind kind) {}

    private final Runbook runbook = BuiltinRunbooksTest.load("maintenance-procedures");
    private final BuiltinSeedDocument seed = BuiltinSeedDocument.read(SEED);

    @Test
    void everyAwaitedCallOfTheSeedCodeIsAStepOfItsKind() {
        Set<String> calls = new LinkedHashSet<>();
        for (BuiltinSeedDocument.Block block : seed.blocks("typescript")) {
            Matcher call = AWAITED_CALL.matcher(String.join("\n", block.lines()));
            while (call.find()) {
                calls.add(call.group(1));
            }
        }
        System.out.printf(
                "coverage maintenance-procedures: %d distinct awaited calls in the TypeScript of %s%n",
                calls.size(), SEED);
        assertThat(calls).as("awaited calls in %s", SEED).hasSizeGreaterThan(20);
        for (String call : calls) {
            Expected expected = STEP_OF_CALL.get(call);
            assertThat(expected)
                    .as("the seed awaits %s(); which step does it?", call)
                    .isNotNull();
            Optional<Step> step = step(expected.stepId());
            assertThat(step).as("step %s for %s()", expected.stepId(), call).isPresent();
            assertThat(step.get().kind())
                    .as("kind of step %s for %s()", expected.stepId(), call)
                    .isEqualTo(expected.kind());
        }
    }

    @Test
    void everyApprovalRoleOfTheChangeRequestHasItsOwnGate() {
        String code = String.join("\n", seed.blocks("typescript").get(0).lines());
        Matcher roleLine = Pattern.compile("role: (.+)").matcher(code);
        assertThat(roleLine.find()).isTrue();
        Set<Role> roles = new LinkedHashSet<>();
        QUOTED_WORD.matcher(roleLine.group(1)).results().forEach(word -> roles.add(Role.valueOf(word.group(1))));
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        for (Role role : roles) {
            assertThat(runbook.steps()
                            .filter(s -> s.action() instanceof StepAction.Approve approve
                                    && approve.roles().equals(List.of(role))))
                    .as("a change-request approval gate for %s", role)
                    .hasSize(1);
        }
    }

    @Test
    void thePreChecksAndConfigurationRulesOfTheSeedAreChecked() {
        assertThat(runbook.steps().filter(s -> s.kind() == StepKind.PREFLIGHT)).hasSize(1);
        for (String check : List.of("DISK_SPACE", "CONNECTIONS", "LOCKS")) {
            assertThat(String.join("\n", seed.lines())).contains("'" + check + "'");
            assertThat(runbook.steps().filter(s -> s.title().contains(check) && s.kind() != StepKind.PREFLIGHT))
                    .as("a step that checks %s", check)
                    .isNotEmpty();
        }
        for (String parameter : List.of("max_connections", "shared_buffers")) {
            assertThat(runbook.steps()
                            .filter(s -> s.action() instanceof StepAction.Sql sql
                                    && sql.statement().contains("name = '" + parameter + "'")
                                    && s.expect().value().isPresent()))
                    .as("an sql step that verifies %s", parameter)
                    .hasSize(1);
        }
        assertThat(runbook.steps()
                        .filter(s -> s.action() instanceof StepAction.Sql sql
                                && sql.statement().startsWith("VACUUM ANALYZE ")))
                .as("VACUUM ANALYZE, one step per table")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private Optional<Step> step(String id) {
        if (id.endsWith(".undo")) {
            return runbook.step(id.substring(0, id.length() - ".undo".length())).flatMap(Step::undo);
        }
        return runbook.step(id);
    }
}
