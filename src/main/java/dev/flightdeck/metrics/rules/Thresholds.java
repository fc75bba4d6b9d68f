package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.TriggerFit;
import dev.flightdeck.runbook.TriggerRule;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns a rule's threshold into the unit its signal is stored in, and says when a rule cannot apply to its signal. */
public final class Thresholds {

    private Thresholds() {}

    /** The canonical signal a rule watches ({@code response_time} watches {@code latency_p95}). */
    public static String signalOf(TriggerRule rule) {
        return TriggerFit.signalOf(rule);
    }

    /** Why the rule cannot be evaluated on its signal ({@link TriggerFit#problem}, which the runbook loader also checks). */
    public static Optional<String> problem(TriggerRule rule) {
        return TriggerFit.problem(rule);
    }

    /**
     * The threshold in the signal's stored unit: percent as percent, seconds as milliseconds, a baseline multiple
     * times the baseline's median, moved out to at least the floor's distance from the median (so {@code 2x baseline}
     * on a 2 ms baseline means 52 ms, not 4 ms). Empty when the rule needs a baseline that is not there.
     */
    public static OptionalDouble limit(TriggerRule.Threshold threshold, Optional<Baseline> baseline) {
        return switch (threshold.unit()) {
            case SECONDS -> OptionalDouble.of(threshold.value() * 1000);
            case BASELINE_MULTIPLE ->
                baseline.map(b -> OptionalDouble.of(relativeLimit(threshold, b.median())))
                        .orElse(OptionalDouble.empty());
            default -> OptionalDouble.of(threshold.value());
        };
    }

    private static double relativeLimit(TriggerRule.Threshold threshold, double median) {
        double multiple = median * threshold.value();
        double floor = floor(threshold);
        return switch (threshold.operator()) {
            case GREATER, GREATER_OR_EQUAL -> Math.max(multiple, median + floor);
            case LESS, LESS_OR_EQUAL -> Math.min(multiple, median - floor);
            default -> multiple;
        };
    }

    /** The least absolute change from the baseline a relative rule counts, in the signal's stored unit. */
    public static double floor(TriggerRule.Threshold threshold) {
        if (threshold.floor().isEmpty()) {
            return defaultFloor(SignalCatalog.unitOf(signalOf(threshold)));
        }
        double written = threshold.floor().get();
        return threshold.floorUnit() == TriggerRule.Unit.SECONDS ? written * 1000 : written;
    }

    /**
     * What a relative rule counts as a real change when it names no floor: 50 ms of latency (scheduling noise on a
     * busy machine moves a millisecond baseline by tens of ms), one percentage point of a ratio; other units none.
     */
    public static double defaultFloor(SignalUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> 50;
            case PERCENT -> 1;
            default -> 0;
        };
    }

    /** How many samples in a row must meet a relative rule before it fires: one noisy reading never does. */
    public static final int MINIMUM_RELATIVE_SAMPLES = 3;

    public static boolean holds(double value, Comparison.Operator operator, double limit) {
        return switch (operator) {
            case GREATER -> value > limit;
            case GREATER_OR_EQUAL -> value >= limit;
            case LESS -> value < limit;
            case LESS_OR_EQUAL -> value <= limit;
            case EQUAL -> value == limit;
            case NOT_EQUAL -> value != limit;
        };
    }

    /** A check sample counts as a failure below 1 (1 = passed). */
    public static boolean isFailure(double checkValue) {
        return checkValue < 1;
    }
}
