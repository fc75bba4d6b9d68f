package dev.flightdeck.metrics.rules;

import static dev.flightdeck.metrics.rules.TriggerHarness.START;
import static dev.flightdeck.metrics.rules.TriggerHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTriggerTest {

    @Test
    void sustainedRuleFiresExactlyWhenTheDurationHasElapsedAndNotBefore() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));
        harness.hold("error_rate", 0, 60, 0.4);
        harness.hold("error_rate", 60, 360, 1.42);

        assertThat(harness.firingSeconds()).as("held from 60 s to 359 s: 4m59s").isEmpty();
        assertThat(harness.monitor.statuses()).extracting(RuleStatus::state).containsExactly(RuleState.PENDING);

        harness.hold("error_rate", 360, 400, 1.42);

        assertThat(harness.firingSeconds()).containsExactly(360L);
        assertThat(harness.monitor.statuses().get(0).detail()).isEqualTo("1.42%, held 5m39s of 5m");
    }

    @Test
    void sustainedRuleStartsOverWhenTheSignalRecovers() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));
        harness.hold("error_rate", 0, 240, 2.0);
        harness.hold("error_rate", 240, 241, 0.5);
        harness.hold("error_rate", 241, 900, 2.0);

        assertThat(harness.firingSeconds()).containsExactly(241L + 300);
    }

    @Test
    void ruleWithoutDurationFiresOnTheFirstSampleThatCrosses() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p99 >= 800ms"));
        harness.hold("latency_p99", 0, 10, 300);
        harness.hold("latency_p99", 10, 11, 800);

        assertThat(harness.firingSeconds()).containsExactly(10L);
    }

    @Test
    void aFiringTriggerRaisesOneAlarmPerEpisodeAndFiresAgainAfterRecovering() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1%"));
        harness.hold("error_rate", 0, 30, 5);
        harness.hold("error_rate", 30, 40, 0);
        harness.hold("error_rate", 40, 50, 5);

        assertThat(harness.firingSeconds()).containsExactly(0L, 40L);
        assertThat(harness.heard).containsExactly("alarm error_rate > 1%", "alarm error_rate > 1%");
    }

    @Test
    void secondsAreComparedWithLatencyStoredInMilliseconds() {
        TriggerHarness harness = new TriggerHarness(alert("latency_p95 > 2s"));
        harness.hold("latency_p95", 0, 5, 1999);
        harness.hold("latency_p95", 5, 6, 2001);

        assertThat(harness.firingSeconds()).containsExactly(5L);
    }

    @Test
    void belowThresholdRulesFireWhenTheSignalFalls() {
        TriggerHarness harness = new TriggerHarness(alert("session_success_rate < 99.5% for 1m"));
        harness.hold("session_success_rate", 0, 30, 99.9);
        harness.hold("session_success_rate", 30, 200, 98.0);

        assertThat(harness.firingSeconds()).containsExactly(90L);
    }

    @Test
    void eachSourceOfASignalIsWatchedOnItsOwn() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 10s"));
        for (int second = 0; second < 30; second++) {
            harness.sample("web-1", "error_rate", Duration.ofSeconds(second), 3.0);
            harness.sample("web-2", "error_rate", Duration.ofSeconds(second), second % 2 == 0 ? 3.0 : 0.0);
        }

        assertThat(harness.monitor.alarms())
                .extracting(alarm -> alarm.series().source())
                .containsExactly("web-1");
        assertThat(harness.monitor.statuses())
                .extracting(RuleStatus::state)
                .containsExactly(RuleState.FIRING, RuleState.OK);
    }

    @Test
    void evidenceNamesTheSamplesThatMadeTheTriggerFire() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5s"));
        harness.hold("error_rate", 0, 2, 0.2);
        double[] rising = {1.10, 1.25, 1.42, 1.38, 1.90, 1.51};
        for (int i = 0; i < rising.length; i++) {
            harness.sample("web", "error_rate", Duration.ofSeconds(2 + i), rising[i]);
        }

        Alarm alarm = harness.monitor.alarms().get(0);
        assertThat(alarm.firedAt()).isEqualTo(START.plusSeconds(7));
        assertThat(alarm.actionText()).isEqualTo("alert");
        assertThat(alarm.evidence())
                .containsExactly(
                        "web: held 5s from 02:00:02 over 6 samples, min 1.10% max 1.90%, limit 1.00%",
                        "02:00:02 error_rate=1.10%",
                        "02:00:03 error_rate=1.25%",
                        "02:00:04 error_rate=1.42%",
                        "02:00:05 error_rate=1.38%",
                        "02:00:06 error_rate=1.90%",
                        "02:00:07 error_rate=1.51%");
    }

    @Test
    void longEpisodesKeepTwelveEvenlySpreadSamplesIncludingTheFirstAndTheLast() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1% for 5m"));
        harness.hold("error_rate", 0, 301, 2.0);

        List<String> evidence = harness.monitor.alarms().get(0).evidence();
        assertThat(evidence).hasSize(1 + Evidence.MAXIMUM_SAMPLES);
        assertThat(evidence.get(1)).isEqualTo("02:00:00 error_rate=2.00%");
        assertThat(evidence.get(evidence.size() - 1)).isEqualTo("02:05:00 error_rate=2.00%");
    }

    @Test
    void rulesThatCannotApplyToTheirSignalAreRefusedBeforeWatching() {
        assertThatThrownBy(() -> new TriggerHarness(
                        alert("latency_p95 > 5%"), alert("error_rate fails 3 consecutive"), alert("health > 2")))
                .isInstanceOf(TriggerConfigurationException.class)
                .hasMessageContaining("'latency_p95' is not a percentage")
                .hasMessageContaining("'error_rate' is a measurement, not a check")
                .hasMessageContaining("'health' is a check");
    }

    @Test
    void aliasesAreWatchedUnderTheirCanonicalSignal() {
        TriggerHarness harness = new TriggerHarness(alert("response time > 500ms"));
        harness.sample("web", "latency_p95", Duration.ZERO, 750);

        assertThat(harness.monitor.alarms())
                .extracting(Alarm::series)
                .containsExactly(new SeriesId("web", "latency_p95"));
    }
}
