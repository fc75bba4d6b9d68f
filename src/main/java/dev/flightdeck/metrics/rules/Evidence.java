package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerRule;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The readable proof of a firing, taken from the store when the trigger fires: a summary line, the baseline when
 * the rule refers to one, then the samples of the episode (all of them up to {@value #MAXIMUM_SAMPLES}, else that
 * many evenly spread, always including the first and the one that fired it).
 */
final class Evidence {

    static final int MAXIMUM_SAMPLES = 12;

    private final SeriesStore store;
    private final DateTimeFormatter time;

    Evidence(SeriesStore store, ZoneId zone) {
        this.store = store;
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    List<String> of(RuleEvaluation evaluation, Optional<Baseline> baseline) {
        SignalUnit unit = SignalCatalog.unitOf(evaluation.series().signal());
        SeriesSnapshot samples = samples(evaluation, evaluation.episodeStart());
        List<String> lines = new ArrayList<>();
        lines.add(summary(evaluation, samples, unit));
        if (evaluation.spec().rule() instanceof TriggerRule.Threshold threshold
                && threshold.unit() == TriggerRule.Unit.BASELINE_MULTIPLE) {
            baseline.ifPresent(b -> lines.add(b.describe()));
        }
        lines.addAll(sampleLines(evaluation, samples));
        return lines;
    }

    /** Why an analysis rule asks for the operator: the stay in the inconclusive band, and its samples. */
    List<String> inconclusive(RuleEvaluation evaluation) {
        SignalUnit unit = SignalCatalog.unitOf(evaluation.series().signal());
        SeriesSnapshot samples = samples(evaluation, evaluation.bandStart());
        String band = evaluation
                        .spec()
                        .analysis()
                        .inconclusiveBound()
                        .map(bound -> unit.format(bound.stored()))
                        .orElse("?")
                + " to "
                + (evaluation.lastLimit().isPresent()
                        ? unit.format(evaluation.lastLimit().getAsDouble())
                        : "?");
        List<String> lines = new ArrayList<>();
        lines.add(evaluation.series().source() + ": " + unit.format(evaluation.lastValue())
                + " is inconclusive (between " + band + ", neither healthy nor failed) since "
                + time.format(Instant.ofEpochMilli(evaluation.bandStart())) + ", " + samples.size()
                + (samples.size() == 1 ? " sample" : " samples") + "; inconclusive-limit "
                + evaluation.spec().analysis().inconclusiveLimit());
        lines.addAll(sampleLines(evaluation, samples));
        return lines;
    }

    private SeriesSnapshot samples(RuleEvaluation evaluation, long from) {
        long to = evaluation.lastSampleTime();
        return store.find(evaluation.series())
                .map(series -> series.range(from, to + 1))
                .orElse(new SeriesSnapshot(evaluation.series(), new long[0], new double[0]));
    }

    private List<String> sampleLines(RuleEvaluation evaluation, SeriesSnapshot samples) {
        String signal = evaluation.series().signal();
        SignalUnit unit = SignalCatalog.unitOf(signal);
        List<String> lines = new ArrayList<>();
        for (int index : spread(samples.size())) {
            lines.add(time.format(Instant.ofEpochMilli(samples.timeAt(index))) + " " + signal + "="
                    + unit.format(samples.valueAt(index)));
        }
        return lines;
    }

    private String summary(RuleEvaluation evaluation, SeriesSnapshot samples, SignalUnit unit) {
        String source = evaluation.series().source();
        Duration held = Duration.ofMillis(evaluation.lastSampleTime() - evaluation.episodeStart());
        if (unit == SignalUnit.CHECK) {
            return source + ": " + samples.size() + (samples.size() == 1 ? " failure" : " failures in a row") + " from "
                    + time.format(Instant.ofEpochMilli(evaluation.episodeStart()));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : samples.values()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        String limit = evaluation.lastLimit().isPresent()
                ? ", limit " + unit.format(evaluation.lastLimit().getAsDouble())
                : "";
        if (samples.size() == 1) {
            return source + ": " + unit.format(samples.valueAt(0)) + " at "
                    + time.format(Instant.ofEpochMilli(samples.timeAt(0))) + limit;
        }
        return source + ": held " + Durations.format(held.withNanos(0)) + " from "
                + time.format(Instant.ofEpochMilli(evaluation.episodeStart())) + " over " + samples.size()
                + " samples, min " + unit.format(min) + " max " + unit.format(max) + limit;
    }

    /** Indices of at most MAXIMUM_SAMPLES samples, evenly spread, first and last included. */
    private static int[] spread(int size) {
        if (size <= MAXIMUM_SAMPLES) {
            return IntStream.range(0, size).toArray();
        }
        int[] indices = new int[MAXIMUM_SAMPLES];
        for (int i = 0; i < MAXIMUM_SAMPLES; i++) {
            indices[i] = (int) Math.round((double) i * (size - 1) / (MAXIMUM_SAMPLES - 1));
        }
        return indices;
    }
}
