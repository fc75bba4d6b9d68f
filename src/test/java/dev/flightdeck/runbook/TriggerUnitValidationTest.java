package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import org.junit.jupiter.api.Test;

/** A trigger whose threshold cannot apply to its signal is an error when the runbook is loaded, at the trigger's line. */
class TriggerUnitValidationTest {

    @Test
    void thresholdsInTheWrongUnitAndChecksOnMeasurementsAreErrorsWithTheirPosition() {
        Parsed<Runbook> parsed = RunbookLoader.load("""
                runbook: Units
                phases:
                  - id: only
                    steps:
                      - id: notice
                        confirm: Users were notified
                rollback-triggers:
                  - error_rate > 200ms
                  - latency_p95 > 1%
                  - { when: cpu fails 3 consecutive, action: alert }
                  - health > 2
                  - error_rate > 1% for 5m
                  - response_time > 2x baseline for 10m
                  - db_connections_used > 90%
                rollback:
                  - confirm: Rolled back
                """, "units.runbook.yaml", "units");

        assertThat(parsed.errors())
                .extracting(Problem::format)
                .containsExactly(
                        "units.runbook.yaml:8:5: rollback trigger 'error_rate > 200ms': 'error_rate' is not a duration; write its threshold without 'ms'",
                        "units.runbook.yaml:9:5: rollback trigger 'latency_p95 > 1%': 'latency_p95' is not a percentage; write its threshold without '%'",
                        "units.runbook.yaml:10:13: rollback trigger 'cpu fails 3 consecutive': 'cpu' is a measurement, not a check: it cannot fail; "
                                + "compare it instead, e.g. 'cpu > N'",
                        "units.runbook.yaml:11:5: rollback trigger 'health > 2': 'health' is a check; write 'fails N consecutive' or 'failures'");
    }
}
