package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.Baseline;
import dev.flightdeck.metrics.SignalCatalog;
import dev.flightdeck.metrics.SignalUnit;
import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.Signals;
import dev.flightdeck.runbook.TriggerRule;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns a rule's threshold into the unit its signal is stored in, and says when a rule cannot apply to its signal. */
public final class Thresholds {

    private Thresholds() {
    }

    /** The canonical signal a rule watches ({@code response_time} watches {@code latency_p95}). */
    public static String signalOf(TriggerRule rule) {
        return Signals.canonical(rule.signal()).orElse(rule.signal());
    }

    /**
     * Why the rule cannot be evaluated on its signal, in the runbook author's terms; empty when it can. A signal
     * whose unit is unknown (a custom collector's) takes any rule: failures read its samples as checks.
     */
    public static Optional<String> problem(TriggerRule rule) {
        String signal = signalOf(rule);
        if (!SignalCatalog.knows(signal)) {
            return Optional.empty();
        }
        SignalUnit unit = SignalCatalog.unitOf(signal);
        if (rule instanceof TriggerRule.Threshold threshold) {
            return thresholdProblem(threshold, signal, unit);
        }
        return unit == SignalUnit.CHECK ? Optional.empty()
                : Optional.of("'" + signal + "' is a measurement, not a check: it cannot fail; compare it instead, e.g. '" + signal + " > N'");
    }

    private static Optional<String> thresholdProblem(TriggerRule.Threshold threshold, String signal, SignalUnit unit) {
        return switch (threshold.unit()) {
            case PERCENT -> unit == SignalUnit.PERCENT ? Optional.empty()
                    : Optional.of("'" + signal + "' is not a percentage; write its threshold without '%'");
            case MILLISECONDS, SECONDS -> unit == SignalUnit.MILLISECONDS ? Optional.empty()
                    : Optional.of("'" + signal + "' is not a duration; write its threshold without '" + threshold.unit().written() + "'");
            case NONE, BASELINE_MULTIPLE -> unit == SignalUnit.CHECK
                    ? Optional.of("'" + signal + "' is a check; write 'fails N consecutive' or 'failures'") : Optional.empty();
        };
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
