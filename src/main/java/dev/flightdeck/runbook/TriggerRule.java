package dev.flightdeck.runbook;

import java.time.Duration;
import java.util.Optional;

/**
 * A condition on a live signal that calls for a rollback, in the seeds' own words:
 * {@code error_rate > 1% for 5m}, {@code latency_p95 > 2x baseline for 10m}, {@code health fails 3 consecutive},
 * {@code db_connection failures}. Parsed by {@link TriggerRuleParser}; evaluated by the metrics engine.
 */
public sealed interface TriggerRule {

    String signal();

    /**
     * The signal crosses a threshold, optionally for a sustained time. A baseline multiple may carry a floor
     * ({@code 2x baseline at least +50ms}): the least absolute distance from the baseline that counts, in {@code floorUnit};
     * without one, the signal's unit gives the default ({@code Thresholds.defaultFloor}).
     */
    record Threshold(
            String signal,
            Comparison.Operator operator,
            double value,
            Unit unit,
            Optional<Duration> sustainedFor,
            Optional<Double> floor,
            Unit floorUnit)
            implements TriggerRule {

        public Threshold(
                String signal, Comparison.Operator operator, double value, Unit unit, Optional<Duration> sustainedFor) {
            this(signal, operator, value, unit, sustainedFor, Optional.empty(), Unit.NONE);
        }
    }

    /**
     * Canary against stable: each series of {@code signal} from the {@code group} (inventory host or endpoint groups,
     * or a Prometheus label's values naming them) against {@code factor} × the median of the same signal's latest
     * readings in {@code referenceGroup}: {@code latency_p95 of canary > 1.5x latency_p95 of stable for 5m}.
     */
    record GroupComparison(
            String signal,
            String group,
            Comparison.Operator operator,
            double factor,
            String referenceGroup,
            Optional<Duration> sustainedFor)
            implements TriggerRule {}

    /** The signal's check fails this many times in a row (a success resets the count). */
    record ConsecutiveFailures(String signal, int count) implements TriggerRule {}

    /** Any failure of the signal's check fires at once. */
    record AnyFailure(String signal) implements TriggerRule {}

    enum Unit {
        /** a plain number in the signal's own unit */
        NONE(""),
        PERCENT("%"),
        MILLISECONDS("ms"),
        SECONDS("s"),
        /** a multiple of the baseline captured before the first change */
        BASELINE_MULTIPLE("x baseline");

        private final String written;

        Unit(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }
    }
}
