package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.runbook.TriggerRule;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;

/** The plain-language line beside a trigger's state: {@code 1.42% > 1.00% for 2m13s of 5m}, {@code no sample for 45s}. */
final class StatusDetail {

    private StatusDetail() {}

    static String of(RuleEvaluation evaluation, Instant now) {
        SignalUnit unit = SignalCatalog.unitOf(evaluation.series().signal());
        String value = unit.format(evaluation.lastValue());
        return switch (evaluation.state()) {
            case NO_DATA ->
                evaluation.lastSampleTime() == Long.MIN_VALUE
                        ? "no sample yet"
                        : "no sample for "
                                + Durations.format(Duration.ofMillis(now.toEpochMilli() - evaluation.lastSampleTime())
                                        .withNanos(0))
                                + " (last " + value + ")";
            case NO_BASELINE -> value + "; no baseline captured yet";
            case OK -> value;
            case INCONCLUSIVE ->
                value + ", inconclusive (past "
                        + evaluation
                                .spec()
                                .analysis()
                                .inconclusiveBound()
                                .map(bound -> unit.format(bound.stored()))
                                .orElse("?")
                        + ", not failed)";
            case PENDING, FIRING -> value + progress(evaluation);
        };
    }

    private static String progress(RuleEvaluation evaluation) {
        TriggerRule rule = evaluation.spec().rule();
        if (evaluation.spec().analysis().failureLimit().isPresent()) {
            return ", " + evaluation.failedMeasurements() + " failed measurements, failure-limit "
                    + evaluation.spec().analysis().failureLimit().getAsInt();
        }
        if (rule instanceof TriggerRule.ConsecutiveFailures failures) {
            return ", " + evaluation.failuresInRow() + " of " + failures.count() + " failures in a row";
        }
        if (rule instanceof TriggerRule.Threshold threshold
                && threshold.sustainedFor().isPresent()) {
            Duration held = Duration.ofMillis(evaluation.lastSampleTime() - evaluation.episodeStart());
            return ", held " + Durations.format(held.withNanos(0)) + " of "
                    + Durations.format(threshold.sustainedFor().get());
        }
        return "";
    }
}
