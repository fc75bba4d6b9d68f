package dev.flightdeck.runbook;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a trigger judges its measurements beyond a plain threshold, after Argo Rollouts' analysis: every sample is a
 * measurement that is successful, failed (the rule's condition holds), inconclusive (between the {@code inconclusive}
 * bound and the threshold) or an error (the query behind the signal failed).
 *
 * @param failureLimit          the rule fires when more measurements than this have failed in the window; empty keeps
 *                              the plain rule ({@code for D}, first sample that meets it)
 * @param inconclusiveBound     the other edge of the band between "healthy" and "failed", in the threshold's unit;
 *                              a measurement in the band is inconclusive
 * @param inconclusiveLimit     the window pauses for the operator when more measurements than this were inconclusive
 * @param consecutiveErrorLimit the window pauses for the operator when more queries than this failed in a row
 */
public record TriggerAnalysis(
        OptionalInt failureLimit,
        Optional<Amount> inconclusiveBound,
        int inconclusiveLimit,
        int consecutiveErrorLimit) {

    /** Argo Rollouts' default: the fifth error in a row ends the analysis. */
    public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

    public static final TriggerAnalysis NONE =
            new TriggerAnalysis(OptionalInt.empty(), Optional.empty(), 0, DEFAULT_CONSECUTIVE_ERROR_LIMIT);

    /** A number as the runbook wrote it, with its unit ({@code 1%}, {@code 250ms}, {@code 2s}, {@code 40}). */
    public record Amount(double value, TriggerRule.Unit unit) {

        /** In the stored unit of a signal: seconds become milliseconds, the rest is as written. */
        public double stored() {
            return unit == TriggerRule.Unit.SECONDS ? value * 1000 : value;
        }

        public String written() {
            String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            return number + unit.written();
        }
    }
}
