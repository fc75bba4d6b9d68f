package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Folds samples into per-minute summaries as they arrive and hands each finished minute to the listener
 * (the session's journal). A minute is finished when the first sample of a later minute arrives, or on
 * {@link #flush()} at the end of the window.
 */
public final class MinuteSummaries {

    private static final long MINUTE = 60_000;

    private final Map<SeriesId, Accumulator> open = new ConcurrentHashMap<>();
    private final Consumer<MinuteSummary> listener;

    public MinuteSummaries(Consumer<MinuteSummary> listener) {
        this.listener = listener;
    }

    public void accept(SeriesId id, long time, double value) {
        Accumulator accumulator = open.computeIfAbsent(id, Accumulator::new);
        MinuteSummary finished;
        synchronized (accumulator) {
            finished = accumulator.add(time, value);
        }
        if (finished != null) {
            listener.accept(finished);
        }
    }

    /** Emits every minute still open (at the end of the window or before closing the journal). */
    public void flush() {
        List<MinuteSummary> finished = new ArrayList<>();
        for (Accumulator accumulator : open.values()) {
            synchronized (accumulator) {
                accumulator.finish().ifPresent(finished::add);
            }
        }
        finished.forEach(listener);
    }

    private static final class Accumulator {
        private final SeriesId id;
        private long minute = Long.MIN_VALUE;
        private double min;
        private double max;
        private double sum;
        private int readings;
        private int count;

        Accumulator(SeriesId id) {
            this.id = id;
        }

        MinuteSummary add(long time, double value) {
            long sampleMinute = Math.floorDiv(time, MINUTE) * MINUTE;
            MinuteSummary finished = null;
            if (sampleMinute != minute) {
                finished = finish().orElse(null);
                minute = sampleMinute;
            }
            count++;
            if (!Double.isNaN(value)) {
                min = readings == 0 ? value : Math.min(min, value);
                max = readings == 0 ? value : Math.max(max, value);
                sum += value;
                readings++;
            }
            return finished;
        }

        Optional<MinuteSummary> finish() {
            if (count == 0) {
                return Optional.empty();
            }
            double average = readings == 0 ? Double.NaN : sum / readings;
            MinuteSummary summary = new MinuteSummary(
                    id,
                    Instant.ofEpochMilli(minute),
                    readings == 0 ? Double.NaN : min,
                    readings == 0 ? Double.NaN : max,
                    average,
                    count);
            count = 0;
            readings = 0;
            sum = 0;
            return Optional.of(summary);
        }
    }
}
