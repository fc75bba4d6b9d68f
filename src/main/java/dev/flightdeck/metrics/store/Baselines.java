package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baselines of a window, per series. Captured once before the first change step (or by a step), from
 * the samples of the preceding window; restored from the journal on resume with {@link #put(Baseline)}.
 */
public final class Baselines {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final Map<SeriesId, Baseline> byId = new ConcurrentHashMap<>();

    /**
     * Captures a baseline for every series with readings in {@code [end - window, end)}. Series without readings
     * get none, and rules relative to them report that they have no baseline rather than evaluating against zero.
     */
    public List<Baseline> capture(SeriesStore store, Instant end, Duration window) {
        List<Baseline> captured = measure(store, end, window);
        captured.forEach(this::put);
        return captured;
    }

    /** The baselines {@link #capture} would take, without putting them in place (a step checks them first). */
    public static List<Baseline> measure(SeriesStore store, Instant end, Duration window) {
        Instant from = end.minus(window);
        return store.all().stream()
                .map(series -> of(series, from, end))
                .flatMap(Optional::stream)
                .toList();
    }

    public static Optional<Baseline> of(RingSeries series, Instant from, Instant end) {
        SeriesSnapshot samples = series.range(from.toEpochMilli(), end.toEpochMilli());
        double[] readings = Arrays.stream(samples.values())
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (readings.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Baseline(
                series.id(), percentile(readings, 50), percentile(readings, 95), readings.length, from, end));
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public void put(Baseline baseline) {
        byId.put(baseline.id(), baseline);
    }

    public Optional<Baseline> get(SeriesId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Baseline> all() {
        return List.copyOf(byId.values());
    }
}
