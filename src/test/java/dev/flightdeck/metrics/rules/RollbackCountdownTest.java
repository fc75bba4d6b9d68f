package dev.flightdeck.metrics.rules;

import static dev.flightdeck.metrics.rules.TriggerHarness.START;
import static dev.flightdeck.metrics.rules.TriggerHarness.alert;
import static dev.flightdeck.metrics.rules.TriggerHarness.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollbackCountdownTest {

    @Test
    void aRollbackTriggerArmsACountdownThatRunsOutIntoTheCallback() {
        TriggerHarness harness = new TriggerHarness(rollback("health fails 3 consecutive", Duration.ofSeconds(60)));
        for (int i = 0; i < 3; i++) {
            harness.sample("web-health", "health", Duration.ofSeconds(i), 0);
        }
        assertThat(harness.monitor.armed()).hasValueSatisfying(armed -> {
            assertThat(armed.deadline()).isEqualTo(START.plusSeconds(62));
            assertThat(armed.remaining(START.plusSeconds(12))).isEqualTo(Duration.ofSeconds(50));
        });

        harness.clock.set(START.plusSeconds(61));
        harness.monitor.tick();
        assertThat(harness.monitor.rollbackRequested()).isFalse();

        harness.clock.set(START.plusSeconds(62));
        harness.monitor.tick();
        assertThat(harness.monitor.rollbackRequested()).isTrue();
        assertThat(harness.monitor.armed()).isEmpty();
        assertThat(harness.heard)
                .containsExactly(
                        "alarm health fails 3 consecutive",
                        "armed until 2026-03-14T02:01:02Z",
                        "expired health fails 3 consecutive");
    }

    @Test
    void aCancelledCountdownRecordsWhoCancelledAndNeverRunsOut() {
        TriggerHarness harness = new TriggerHarness(rollback("error_rate > 1%", Duration.ofSeconds(30)));
        harness.sample("web", "error_rate", Duration.ZERO, 4.0);

        assertThat(harness.monitor.cancelCountdown("dana", "known spike from the cache warm-up"))
                .isTrue();
        harness.clock.set(START.plusSeconds(120));
        harness.monitor.tick();

        assertThat(harness.monitor.rollbackRequested()).isFalse();
        assertThat(harness.monitor.cancelCountdown("dana", "again")).isFalse();
        assertThat(harness.heard)
                .containsExactly(
                        "alarm error_rate > 1%",
                        "armed until 2026-03-14T02:00:30Z", "cancelled by dana: known spike from the cache warm-up");
    }

    @Test
    void aFiringWhileArmedIsAnAlarmWithoutASecondCountdown() {
        TriggerHarness harness = new TriggerHarness(
                rollback("error_rate > 1%", Duration.ofSeconds(60)),
                rollback("health fails 1 consecutive", Duration.ofSeconds(10)));
        harness.sample("web", "error_rate", Duration.ZERO, 4.0);
        harness.sample("web-health", "health", Duration.ofSeconds(1), 0);

        assertThat(harness.monitor.alarms()).hasSize(2);
        assertThat(harness.monitor.armed())
                .hasValueSatisfying(armed -> assertThat(armed.alarm().trigger()).isEqualTo("error_rate > 1%"));
    }

    @Test
    void alertOnlyTriggersNeverArmTheRollback() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1%"));
        harness.sample("web", "error_rate", Duration.ZERO, 4.0);

        assertThat(harness.monitor.alarms()).hasSize(1);
        assertThat(harness.monitor.armed()).isEmpty();
    }

    @Test
    void theAlarmWatchReportsOnlyAlarmsRaisedSinceTheWatchBegan() {
        TriggerHarness harness = new TriggerHarness(alert("error_rate > 1%"));
        harness.hold("error_rate", 0, 1, 4.0);
        harness.hold("error_rate", 1, 2, 0.0);
        Instant watchStarts = START.plusSeconds(5);

        assertThat(harness.monitor.firedSince(watchStarts)).isEmpty();

        harness.hold("error_rate", 9, 10, 2.5);
        assertThat(harness.monitor.firedSince(watchStarts)).singleElement().satisfies(alarm -> {
            assertThat(alarm.headline()).isEqualTo("error_rate > 1% on web (web: 2.50% at 02:00:09, limit 1.00%)");
            assertThat(alarm.action()).isEqualTo(TriggerSpec.Action.ALERT);
        });
    }
}
