package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinRunbooksTest {

    /**
     * The only warnings a built-in may carry: seed 000's critical triggers name signals no built-in collector
     * measures, so they must come from the application's Prometheus endpoint.
     */
    private static final Map<String, Set<String>> DELIBERATE_WARNINGS = Map.of(
            "system-upgrade",
                    Set.of(
                            "no collector measures 'hipaa_compliance_violations'; it must come from a Prometheus endpoint or the inventory's prometheus: signals",
                            "no collector measures 'patient_data_access'; it must come from a Prometheus endpoint or the inventory's prometheus: signals",
                            "no collector measures 'security_system'; it must come from a Prometheus endpoint or the inventory's prometheus: signals"),
            // seed 002 and 003 leave the command itself to the site (the package manager's, the load balancer's):
            // spliced on purpose
            "maintenance-procedures",
                    Set.of(
                            raw("apply-patches", "patch_command"),
                            raw("verify-update", "verify_command"),
                            raw("apply-tuning", "tuning_command"),
                            raw("apply-tuning.undo", "tuning_undo_command"),
                            raw("apply-configuration", "config_apply_command")),
            "hms-cutover",
                    Set.of(
                            raw("deploy-canary-10", "rollout_command"),
                            raw("deploy-canary-10.undo", "rollout_command"),
                            raw("deploy-50", "rollout_command"),
                            raw("deploy-100", "rollout_command")));

    private static String raw(String step, String variable) {
        return "step '" + step + "' splices ${raw:" + variable
                + "} into its command as shell text, unquoted: whoever sets '" + variable
                + "' decides what runs. Use ${" + variable + "} unless the value is meant to be a command";
    }

    static Runbook load(String id) {
        Parsed<Runbook> parsed =
                BuiltinRunbooks.load(id).orElseThrow(() -> new AssertionError("no built-in runbook " + id));
        assertThat(parsed.errors()).as("errors in built-in %s", id).isEmpty();
        return parsed.value().orElseThrow();
    }

    static List<String> ids() {
        return BuiltinRunbooks.ids();
    }

    @Test
    void thereIsOneBuiltinPerSeedDocument() {
        assertThat(BuiltinRunbooks.ids())
                .containsExactly(
                        "system-upgrade",
                        "production-update",
                        "maintenance-procedures",
                        "hms-cutover",
                        "hipaa-migration-rollback");
        assertThat(BuiltinRunbooks.loadAll())
                .extracting(parsed -> parsed.value().orElseThrow().source())
                .containsExactly(
                        "seeds/000_1de117782fe5c1df.txt",
                        "seeds/001_3b4675eba115f276.txt",
                        "seeds/002_b05bdab73f44703a.txt",
                        "seeds/003_9f92ee8b4d5e13b4.txt",
                        "seeds/004_d3ad0a4ffdeb1de6.txt");
    }

    @ParameterizedTest(name = "{0} loads without errors and with only its deliberate warnings")
    @MethodSource("ids")
    void loadsWithoutErrorsAndOnlyDeliberateWarnings(String id) {
        Parsed<Runbook> parsed = BuiltinRunbooks.load(id).orElseThrow();
        assertThat(parsed.errors()).as("errors in %s", id).isEmpty();
        Set<String> warnings = parsed.problems().stream()
                .filter(problem -> !problem.isError())
                .map(Problem::message)
                .collect(Collectors.toSet());
        assertThat(warnings).as("warnings in %s", id).isEqualTo(DELIBERATE_WARNINGS.getOrDefault(id, Set.of()));
        Runbook runbook = parsed.value().orElseThrow();
        assertThat(runbook.id()).isEqualTo(id);
        System.out.printf(
                "builtin %-26s %2d phases %3d steps %2d rollback steps %d triggers%n",
                id,
                runbook.phases().size(),
                runbook.stepCount(),
                runbook.rollback().size(),
                runbook.rollbackTriggers().size());
    }

    @ParameterizedTest(name = "{0} names an existing seed and has a rollback plan and triggers")
    @MethodSource("ids")
    void namesItsSeedAndPlansTheRollback(String id) {
        Runbook runbook = load(id);
        assertThat(runbook.source()).startsWith("seeds/");
        assertThat(Files.isRegularFile(
                        BuiltinSeedDocument.SEEDS.resolve(runbook.source().substring("seeds/".length()))))
                .as("seed %s of %s (needs ../shared/seeds beside the project)", runbook.source(), id)
                .isTrue();
        assertThat(runbook.rollback()).isNotEmpty();
        assertThat(runbook.rollbackTriggers()).isNotEmpty();
        assertThat(runbook.description()).contains("Inventory names expected");
    }

    @ParameterizedTest(name = "{0} uses only the agreed targets and inventory names")
    @MethodSource("ids")
    void usesOnlyTheAgreedTargetsDatabaseAndEndpoints(String id) {
        List<Step> steps = RunbookValidator.allSteps(load(id));
        assertThat(steps)
                .flatExtracting(step -> step.target().stream().toList())
                .allMatch(Set.of("app", "db", "web", "local")::contains);
        assertThat(steps)
                .flatExtracting(step ->
                        RunbookValidator.databaseOf(step.action()).stream().toList())
                .containsOnly("healthcare");
        assertThat(steps)
                .filteredOn(step -> step.action() instanceof StepAction.Http)
                .extracting(step -> ((StepAction.Http) step.action()).endpoint())
                .allMatch(
                        endpoint -> Set.of("health", "metrics", "api").contains(endpoint)
                                || endpoint.contains("://")
                                || endpoint.startsWith("${app_url}/"),
                        "an inventory endpoint (health, metrics, api), a URL, or a path under ${app_url}");
    }

    @Test
    void everyBuiltinBacksUpTheDatabaseBeforeItCanRestoreIt() {
        for (Parsed<Runbook> parsed : BuiltinRunbooks.loadAll()) {
            Runbook runbook = parsed.value().orElseThrow();
            boolean restores = runbook.rollback().stream().anyMatch(step -> step.kind() == StepKind.RESTORE);
            boolean protects = runbook.steps()
                    .anyMatch(step -> step.kind() == StepKind.BACKUP || step.kind() == StepKind.SNAPSHOT);
            assertThat(restores)
                    .as("%s restores the database in its rollback", runbook.id())
                    .isTrue();
            assertThat(protects)
                    .as("%s takes a backup or snapshot before its changes", runbook.id())
                    .isTrue();
        }
    }
}
