package dev.flightdeck.runbook;

import java.util.Optional;

/**
 * Whether a rollback trigger's rule can apply to its signal: {@code latency_p95 > 5%} cannot (a latency is not a
 * percentage), nor can {@code error_rate fails 3 consecutive} (a rate is not a check). Checked when a runbook is loaded,
 * so such a rule is a line-numbered error before the window rather than a refusal when the instruments start.
 */
public final class TriggerFit {

    private TriggerFit() {}

    /** The canonical signal a rule watches ({@code response_time} watches {@code latency_p95}). */
    public static String signalOf(TriggerRule rule) {
        return Signals.canonical(rule.signal()).orElse(rule.signal());
    }

    /**
     * Why the rule cannot be evaluated on its signal, in the runbook author's terms; empty when it can. A signal only a
     * Prometheus endpoint knows takes any rule (failures read its samples as checks).
     */
    public static Optional<String> problem(TriggerRule rule) {
        String signal = signalOf(rule);
        Optional<Signals.Quantity> quantity = Signals.quantityOf(signal);
        if (quantity.isEmpty()) {
            return Optional.empty();
        }
        if (rule instanceof TriggerRule.GroupComparison) {
            return quantity.get() == Signals.Quantity.CHECK
                    ? Optional.of("'" + signal + "' is a check; compare a measurement across groups, e.g. error_rate")
                    : Optional.empty();
        }
        if (rule instanceof TriggerRule.Threshold threshold) {
            return thresholdProblem(threshold, signal, quantity.get());
        }
        return quantity.get() == Signals.Quantity.CHECK
                ? Optional.empty()
                : Optional.of(
                        "'" + signal + "' is a measurement, not a check: it cannot fail; compare it instead, e.g. '"
                                + signal + " > N'");
    }

    private static Optional<String> thresholdProblem(
            TriggerRule.Threshold threshold, String signal, Signals.Quantity quantity) {
        return switch (threshold.unit()) {
            case PERCENT ->
                quantity == Signals.Quantity.PERCENT
                        ? Optional.empty()
                        : Optional.of("'" + signal + "' is not a percentage; write its threshold without '%'");
            case MILLISECONDS, SECONDS ->
                quantity == Signals.Quantity.DURATION
                        ? Optional.empty()
                        : Optional.of("'" + signal + "' is not a duration; write its threshold without '"
                                + threshold.unit().written() + "'");
            case NONE, BASELINE_MULTIPLE ->
                quantity == Signals.Quantity.CHECK
                        ? Optional.of("'" + signal + "' is a check; write 'fails N consecutive' or 'failures'")
                        : Optional.empty();
        };
    }
}
