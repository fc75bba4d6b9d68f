package dev.flightdeck.metrics.rules;

import static dev.flightdeck.metrics.rules.TriggerHarness.START;
import static dev.flightdeck.metrics.rules.TriggerHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTriggerTest {

    @Test
    void baselineMultipleComparesWithTheMedianCapturedBeforeTheChange() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline for 10m"));
        for (int second = 0; second < 600; second++) {
            harness.sample("web", "latency_p95", Duration.ofSeconds(second), second % 2 == 0 ? 100 : 140);
        }
        List<Baseline> captured =
                harness.baselines.capture(harness.store, START.plusSeconds(600), Duration.ofMinutes(10));
        assertThat(captured).singleElement().satisfies(baseline -> {
            assertThat(baseline.median()).isEqualTo(100);
            assertThat(baseline.p95()).isEqualTo(140);
            assertThat(baseline.samples()).isEqualTo(600);
        });

        harness.hold("latency_p95", 600, 700, 200);
        harness.hold("latency_p95", 700, 1400, 201);

        assertThat(harness.firingSeconds()).as("above 200 ms from 700 s on").containsExactly(700L + 600);
        assertThat(harness.monitor.alarms().get(0).evidence().get(1))
                .isEqualTo(
                        "baseline latency_p95=100 ms (median of 600 samples, 2026-03-14T02:00:00Z to 2026-03-14T02:10:00Z)");
    }

    @Test
    void aRuleRelativeToAMissingBaselineSaysSoInsteadOfFiring() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline"));
        harness.hold("latency_p95", 0, 10, 5000);

        assertThat(harness.firingSeconds()).isEmpty();
        assertThat(harness.monitor.statuses()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(RuleState.NO_BASELINE);
            assertThat(status.detail()).isEqualTo("5.0 s; no baseline captured yet");
        });
    }

    @Test
    void baselineFromTheJournalIsUsedAfterAResume() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline"));
        harness.baselines.put(
                new Baseline(new SeriesId("web", "latency_p95"), 120, 180, 600, START.minusSeconds(600), START));
        harness.hold("latency_p95", 0, 3, 239);
        harness.hold("latency_p95", 3, 6, 241);

        assertThat(harness.firingSeconds())
                .as("the third reading above 240 ms in a row")
                .containsExactly(5L);
    }

    @Test
    void schedulingNoiseOnAMillisecondBaselineStaysUnderTheFloor() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline for 20s"));
        harness.baselines.put(
                new Baseline(new SeriesId("web", "latency_p95"), 2, 3, 600, START.minusSeconds(600), START));
        harness.hold("latency_p95", 0, 120, 40);

        assertThat(harness.firingSeconds())
                .as("40 ms is 20x a 2 ms baseline, but less than 50 ms above it")
                .isEmpty();

        harness.hold("latency_p95", 120, 145, 60);

        assertThat(harness.firingSeconds()).containsExactly(140L);
        assertThat(harness.monitor.alarms().get(0).evidence().get(0)).endsWith("limit 52 ms");
    }

    @Test
    void theFloorIsSetInTheRule() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline at least +10ms"));
        harness.baselines.put(
                new Baseline(new SeriesId("web", "latency_p95"), 2, 3, 600, START.minusSeconds(600), START));
        harness.hold("latency_p95", 0, 5, 11);
        harness.hold("latency_p95", 5, 8, 13);

        assertThat(harness.firingSeconds()).as("12 ms is the limit").containsExactly(7L);
    }

    @Test
    void aSingleReadingAboveARelativeLimitNeverFires() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2x baseline"));
        harness.baselines.put(
                new Baseline(new SeriesId("web", "latency_p95"), 100, 140, 600, START.minusSeconds(600), START));
        for (int second = 0; second < 60; second++) {
            harness.sample("web", "latency_p95", Duration.ofSeconds(second), second % 3 == 0 ? 900 : 100);
        }

        assertThat(harness.firingSeconds()).isEmpty();
    }
}
