package dev.flightdeck.metrics.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinTriggersTest {

    @Test
    void everyBuiltinRunbooksTriggersCanBeEvaluatedOnTheirSignals() {
        List<String> problems = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        for (Parsed<Runbook> parsed : BuiltinRunbooks.loadAll()) {
            Runbook runbook = parsed.value().orElseThrow();
            problems.addAll(TriggerMonitor.problems(runbook.rollbackTriggers()).stream()
                    .map(p -> runbook.id() + ": " + p)
                    .toList());
            runbook.rollbackTriggers().stream().map(TriggerSpec::text).forEach(triggers::add);
        }

        assertThat(triggers).hasSizeGreaterThanOrEqualTo(15);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFailureRuleOnASignalOnlyACustomCollectorProducesReadsItsSamplesAsChecks() {
        TriggerHarness harness = new TriggerHarness(TriggerHarness.alert("security_system failures"));
        harness.sample("app", "security_system", Duration.ZERO, 1);
        harness.sample("app", "security_system", Duration.ofSeconds(1), 0);

        assertThat(harness.firingSeconds()).containsExactly(1L);
    }
}
