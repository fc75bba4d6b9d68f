package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.Baseline;
import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.TriggerFit;
import dev.flightdeck.runbook.TriggerRule;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns a rule's threshold into the unit its signal is stored in, and says when a rule cannot apply to its signal. */
public final class Thresholds {

    private Thresholds() {
    }

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
     * times the baseline's median. Empty when the rule needs a baseline that is not there.
     */
    public static OptionalDouble limit(TriggerRule.Threshold threshold, Optional<Baseline> baseline) {
        return switch (threshold.unit()) {
            case SECONDS -> OptionalDouble.of(threshold.value() * 1000);
            case BASELINE_MULTIPLE -> baseline.map(b -> OptionalDouble.of(b.median() * threshold.value())).orElse(OptionalDouble.empty());
            default -> OptionalDouble.of(threshold.value());
        };
    }

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
