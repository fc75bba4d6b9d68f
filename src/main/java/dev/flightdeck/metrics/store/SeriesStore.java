package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every series of a window, each a {@link RingSeries} of the same capacity. Sized from the history to keep
 * at the sampling interval: 4 h at 1 s is 14,401 slots, 230 KB per series, 11.5 MB for 50 series.
 */
public final class SeriesStore {

    public static final Duration DEFAULT_HISTORY = Duration.ofHours(4);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final int capacity;
    private final Map<SeriesId, RingSeries> series = new ConcurrentHashMap<>();

    public SeriesStore(int capacity) {
        this.capacity = capacity;
    }

    /** A store keeping {@code history} of samples taken every {@code interval} (one slot spare for the writer). */
    public static SeriesStore forHistory(Duration history, Duration interval) {
        long slots = history.toMillis() / interval.toMillis() + 1;
        if (slots > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("history " + history + " at " + interval + " is too long for one ring");
        }
        return new SeriesStore((int) slots + 1);
    }

    public static SeriesStore withDefaults() {
        return forHistory(DEFAULT_HISTORY, DEFAULT_INTERVAL);
    }

    /** The series, created on first use. */
    public RingSeries series(SeriesId id) {
        return series.computeIfAbsent(id, key -> new RingSeries(key, capacity));
    }

    public Optional<RingSeries> find(SeriesId id) {
        return Optional.ofNullable(series.get(id));
    }

    /** Every series, by source then signal. */
    public List<RingSeries> all() {
        return series.values().stream()
                .sorted(Comparator.comparing((RingSeries s) -> s.id().source()).thenComparing(s -> s.id().signal()))
                .toList();
    }

    public List<RingSeries> bySignal(String signal) {
        return all().stream().filter(s -> s.id().signal().equals(signal)).toList();
    }

    public int capacity() {
        return capacity;
    }

    /** Bytes held by the sample arrays (the rings are allocated in full when a series is created). */
    public long reservedBytes() {
        return (long) series.size() * capacity * (Long.BYTES + Double.BYTES);
    }
}
