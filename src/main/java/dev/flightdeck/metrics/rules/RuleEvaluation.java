package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.Baseline;
import dev.flightdeck.metrics.SeriesId;
import dev.flightdeck.runbook.TriggerRule;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One trigger watching one series: a small state machine fed every sample. It reports a firing exactly once per
 * episode (the transition into {@link RuleState#FIRING}); the episode ends when the condition stops holding or
 * the data stops arriving, after which the trigger can fire again.
 *
 * <p>A gap between samples longer than the staleness limit breaks "held continuously" and "in a row": what
 * happened during the gap is unknown, so a sustained condition starts over after it.
 */
final class RuleEvaluation {

    private static final long NONE = Long.MIN_VALUE;

    private final TriggerSpec spec;
    private final SeriesId series;
    private final long staleAfterMillis;
    private RuleState state = RuleState.NO_DATA;
    private long lastSampleTime = NONE;
    private double lastValue = Double.NaN;
    private long episodeStart = NONE;
    private int failuresInRow;
    private int samplesInEpisode;
    private OptionalDouble lastLimit = OptionalDouble.empty();

    RuleEvaluation(TriggerSpec spec, SeriesId series, Duration staleAfter) {
        this.spec = spec;
        this.series = series;
        this.staleAfterMillis = staleAfter.toMillis();
    }

    /** Feeds one sample; true when this sample makes the trigger fire. NaN (no reading) counts as no sample. */
    boolean onSample(long time, double value, Optional<Baseline> baseline) {
        if (Double.isNaN(value) || time < lastSampleTime) {
            return false;
        }
        if (lastSampleTime != NONE && time - lastSampleTime > staleAfterMillis) {
            endEpisode(RuleState.NO_DATA);
        }
        lastSampleTime = time;
        lastValue = value;
        TriggerRule rule = spec.rule();
        if (rule instanceof TriggerRule.Threshold threshold) {
            return threshold(threshold, time, value, baseline);
        }
        int needed = rule instanceof TriggerRule.ConsecutiveFailures failures ? failures.count() : 1;
        return failure(needed, time, value);
    }

    /** Marks the series as silent when its last sample is older than the staleness limit. */
    boolean onTick(long now) {
        if (state != RuleState.NO_DATA && (lastSampleTime == NONE || now - lastSampleTime > staleAfterMillis)) {
            endEpisode(RuleState.NO_DATA);
            return true;
        }
        return false;
    }

    private boolean threshold(TriggerRule.Threshold threshold, long time, double value, Optional<Baseline> baseline) {
        lastLimit = Thresholds.limit(threshold, baseline);
        if (lastLimit.isEmpty()) {
            endEpisode(RuleState.NO_BASELINE);
            return false;
        }
        if (!Thresholds.holds(value, threshold.operator(), lastLimit.getAsDouble())) {
            endEpisode(RuleState.OK);
            return false;
        }
        if (episodeStart == NONE) {
            episodeStart = time;
            samplesInEpisode = 0;
        }
        samplesInEpisode++;
        long needed = threshold.sustainedFor().map(Duration::toMillis).orElse(0L);
        int samplesNeeded =
                threshold.unit() == TriggerRule.Unit.BASELINE_MULTIPLE ? Thresholds.MINIMUM_RELATIVE_SAMPLES : 1;
        return advance(time - episodeStart >= needed && samplesInEpisode >= samplesNeeded);
    }

    private boolean failure(int needed, long time, double value) {
        if (!Thresholds.isFailure(value)) {
            endEpisode(RuleState.OK);
            return false;
        }
        if (failuresInRow == 0) {
            episodeStart = time;
        }
        failuresInRow++;
        return advance(failuresInRow >= needed);
    }

    /** Moves to FIRING when the condition is met (reporting the transition only), else to PENDING. */
    private boolean advance(boolean met) {
        if (state == RuleState.FIRING) {
            return false;
        }
        state = met ? RuleState.FIRING : RuleState.PENDING;
        return met;
    }

    private void endEpisode(RuleState next) {
        state = next;
        episodeStart = NONE;
        failuresInRow = 0;
        samplesInEpisode = 0;
    }

    TriggerSpec spec() {
        return spec;
    }

    SeriesId series() {
        return series;
    }

    RuleState state() {
        return state;
    }

    double lastValue() {
        return lastValue;
    }

    OptionalDouble lastLimit() {
        return lastLimit;
    }

    /** When the current episode began (first sample meeting the condition, or first failure in the row). */
    long episodeStart() {
        return episodeStart;
    }

    long lastSampleTime() {
        return lastSampleTime;
    }

    int failuresInRow() {
        return failuresInRow;
    }
}
