package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.TriggerAnalysis;
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
 *
 * <p>With analysis keys ({@link TriggerAnalysis}) every sample is a measurement: failed ones are counted against the
 * {@code failure-limit} over the window (not only in a row, as Argo Rollouts counts them), and one inside the
 * inconclusive band is counted against the {@code inconclusive-limit}; passing that limit asks for the operator, once
 * per stay in the band.
 */
final class RuleEvaluation {

    /** What a sample made of the rule. */
    enum Outcome {
        NONE,
        FIRED,
        /** more inconclusive measurements than the rule allows: the window should pause for the operator */
        INCONCLUSIVE
    }

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
    private int failedMeasurements;
    private int inconclusiveMeasurements;
    private long bandStart = NONE;
    private boolean inconclusiveRaised;

    RuleEvaluation(TriggerSpec spec, SeriesId series, Duration staleAfter) {
        this.spec = spec;
        this.series = series;
        this.staleAfterMillis = staleAfter.toMillis();
    }

    /**
     * Feeds one sample; NaN (no reading) counts as no sample.
     *
     * @param limit   for comparisons, the limit in the stored unit (a baseline multiple or a group's reference already
     *                applied); empty when it is unknown
     * @param missing the state to show when {@code limit} is empty (NO_BASELINE, or NO_DATA for a silent group)
     */
    Outcome onSample(long time, double value, OptionalDouble limit, RuleState missing) {
        if (Double.isNaN(value) || time < lastSampleTime) {
            return Outcome.NONE;
        }
        if (lastSampleTime != NONE && time - lastSampleTime > staleAfterMillis) {
            endEpisode(RuleState.NO_DATA);
            bandStart = NONE;
        }
        lastSampleTime = time;
        lastValue = value;
        TriggerRule rule = spec.rule();
        if (rule instanceof TriggerRule.Threshold || rule instanceof TriggerRule.GroupComparison) {
            return comparison(time, value, limit, missing);
        }
        int needed = rule instanceof TriggerRule.ConsecutiveFailures failures ? failures.count() : 1;
        return failure(needed, time, value) ? Outcome.FIRED : Outcome.NONE;
    }

    /** Marks the series as silent when its last sample is older than the staleness limit. */
    boolean onTick(long now) {
        if (state != RuleState.NO_DATA && (lastSampleTime == NONE || now - lastSampleTime > staleAfterMillis)) {
            endEpisode(RuleState.NO_DATA);
            bandStart = NONE;
            return true;
        }
        return false;
    }

    private Outcome comparison(long time, double value, OptionalDouble limit, RuleState missing) {
        lastLimit = limit;
        if (limit.isEmpty()) {
            endEpisode(missing);
            return Outcome.NONE;
        }
        Comparison.Operator operator = operator();
        if (!Thresholds.holds(value, operator, limit.getAsDouble())) {
            return notFailing(time, value, operator);
        }
        bandStart = NONE;
        inconclusiveRaised = false;
        if (episodeStart == NONE) {
            episodeStart = time;
            samplesInEpisode = 0;
        }
        samplesInEpisode++;
        TriggerAnalysis analysis = spec.analysis();
        if (analysis.failureLimit().isPresent()) {
            failedMeasurements++;
            boolean over = failedMeasurements > analysis.failureLimit().getAsInt();
            if (over) {
                failedMeasurements = 0;
            }
            return advance(over) ? Outcome.FIRED : Outcome.NONE;
        }
        long needed = sustainedFor().map(Duration::toMillis).orElse(0L);
        int samplesNeeded = isRelative() ? Thresholds.MINIMUM_RELATIVE_SAMPLES : 1;
        return advance(time - episodeStart >= needed && samplesInEpisode >= samplesNeeded)
                ? Outcome.FIRED
                : Outcome.NONE;
    }

    /** A measurement that does not fail: healthy, or inside the inconclusive band. */
    private Outcome notFailing(long time, double value, Comparison.Operator operator) {
        Optional<TriggerAnalysis.Amount> bound = spec.analysis().inconclusiveBound();
        boolean inBand = bound.isPresent()
                && Thresholds.holds(value, operator, bound.get().stored());
        endEpisode(inBand ? RuleState.INCONCLUSIVE : RuleState.OK);
        if (!inBand) {
            bandStart = NONE;
            inconclusiveRaised = false;
            return Outcome.NONE;
        }
        if (bandStart == NONE) {
            bandStart = time;
        }
        inconclusiveMeasurements++;
        if (inconclusiveRaised || inconclusiveMeasurements <= spec.analysis().inconclusiveLimit()) {
            return Outcome.NONE;
        }
        inconclusiveRaised = true;
        inconclusiveMeasurements = 0;
        return Outcome.INCONCLUSIVE;
    }

    private Comparison.Operator operator() {
        return spec.rule() instanceof TriggerRule.GroupComparison comparison
                ? comparison.operator()
                : ((TriggerRule.Threshold) spec.rule()).operator();
    }

    private Optional<Duration> sustainedFor() {
        return spec.rule() instanceof TriggerRule.GroupComparison comparison
                ? comparison.sustainedFor()
                : ((TriggerRule.Threshold) spec.rule()).sustainedFor();
    }

    private boolean isRelative() {
        return spec.rule() instanceof TriggerRule.Threshold threshold
                && threshold.unit() == TriggerRule.Unit.BASELINE_MULTIPLE;
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

    /** When the current stay in the inconclusive band began. */
    long bandStart() {
        return bandStart;
    }

    long lastSampleTime() {
        return lastSampleTime;
    }

    int failuresInRow() {
        return failuresInRow;
    }

    int failedMeasurements() {
        return failedMeasurements;
    }
}
