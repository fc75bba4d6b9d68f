package dev.flightdeck.metrics.rules;

import static dev.flightdeck.metrics.rules.TriggerHarness.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureTriggerTest {

    private static final double PASS = 1;
    private static final double FAIL = 0;

    @Test
    void consecutiveFailuresFireOnTheNthFailureInARow() {
        TriggerHarness harness = new TriggerHarness(alert("health fails 3 consecutive"));
        double[] checks = {PASS, FAIL, FAIL, PASS, FAIL, FAIL, FAIL, FAIL, FAIL};
        for (int i = 0; i < checks.length; i++) {
            harness.sample("web-health", "health", Duration.ofSeconds(10L * i), checks[i]);
        }

        assertThat(harness.firingSeconds())
                .as("the pass at 30 s reset the count; 40, 50, 60 s are three in a row")
                .containsExactly(60L);
        Alarm alarm = harness.monitor.alarms().get(0);
        assertThat(alarm.evidence())
                .containsExactly(
                        "web-health: 3 failures in a row from 02:00:40",
                        "02:00:40 health=fail",
                        "02:00:50 health=fail",
                        "02:01:00 health=fail");
    }

    @Test
    void moreThanNFailuresMeansTheNextOneFires() {
        TriggerHarness harness = new TriggerHarness(alert("health check failures > 3 consecutive"));
        for (int i = 0; i < 6; i++) {
            harness.sample("web-health", "health", Duration.ofSeconds(5L * i), FAIL);
        }

        assertThat(harness.firingSeconds()).containsExactly(15L);
    }

    @Test
    void pendingFailuresAreCountedInTheStatus() {
        TriggerHarness harness = new TriggerHarness(alert("health fails 3 consecutive"));
        harness.sample("web-health", "health", Duration.ZERO, FAIL);
        harness.sample("web-health", "health", Duration.ofSeconds(5), FAIL);

        assertThat(harness.monitor.statuses().get(0).detail()).isEqualTo("fail, 2 of 3 failures in a row");
    }

    @Test
    void anyFailureFiresAtOnceAndAgainAfterASuccess() {
        TriggerHarness harness = new TriggerHarness(alert("db connection failures"));
        double[] checks = {PASS, FAIL, FAIL, PASS, PASS, FAIL};
        for (int i = 0; i < checks.length; i++) {
            harness.sample("healthcare", "db_connection", Duration.ofSeconds(i), checks[i]);
        }

        assertThat(harness.firingSeconds()).containsExactly(1L, 5L);
    }
}
