package dev.flightdeck.metrics.rules;

import static dev.flightdeck.metrics.rules.TriggerHarness.START;
import static dev.flightdeck.metrics.rules.TriggerHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingDataTest {

    @Test
    void aTriggerWhoseSignalNobodyProducesShowsNoDataRatherThanOk() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));

        assertThat(harness.monitor.statuses()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(RuleState.NO_DATA);
            assertThat(status.series()).isEmpty();
            assertThat(status.detail()).isEqualTo("no collector produces 'error_rate' yet");
        });
    }

    @Test
    void aSeriesThatFallsSilentBecomesNoDataAfterTheStalenessLimit() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));
        harness.hold("error_rate", 0, 10, 0.2);

        harness.clock.set(START.plusSeconds(9 + 30));
        harness.monitor.tick();
        assertThat(harness.monitor.statuses().get(0).state())
                .as("30 s of silence is still within the limit")
                .isEqualTo(RuleState.OK);

        harness.clock.set(START.plusSeconds(9 + 31));
        harness.monitor.tick();
        assertThat(harness.monitor.statuses()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(RuleState.NO_DATA);
            assertThat(status.detail()).isEqualTo("no sample for 31s (last 0.20%)");
        });
    }

    @Test
    void aGapInTheDataRestartsASustainedCondition() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));
        harness.hold("error_rate", 0, 200, 3.0);
        harness.hold("error_rate", 260, 700, 3.0);

        assertThat(harness.firingSeconds())
                .as("nothing is known between 199 s and 260 s")
                .containsExactly(260L + 300);
    }

    @Test
    void notANumberIsNoReadingAndNeitherFiresNorClearsTheCondition() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 10s"));
        harness.hold("error_rate", 0, 5, 3.0);
        harness.hold("error_rate", 5, 8, Double.NaN);
        harness.hold("error_rate", 8, 11, 3.0);

        assertThat(harness.firingSeconds()).containsExactly(10L);
    }

    @Test
    void noDataIsReportedToTheListenerAsAStateChange() {
        TriggerHarness harness = new TriggerHarness(alert("health fails 3 consecutive"));
        List<RuleStatus> changes = new ArrayList<>();
        TriggerMonitor monitor = new TriggerMonitor(
                harness.monitor.specs(),
                harness.store,
                harness.baselines,
                harness.clock,
                ZoneOffset.UTC,
                Duration.ofSeconds(10),
                new TriggerListener() {
                    @Override
                    public void stateChanged(RuleStatus status) {
                        changes.add(status);
                    }
                });
        monitor.onSample(new SeriesId("web-health", "health"), START.toEpochMilli(), 1);
        harness.clock.set(START.plusSeconds(11));
        monitor.tick();

        assertThat(changes).extracting(RuleStatus::state).containsExactly(RuleState.OK, RuleState.NO_DATA);
    }
}
