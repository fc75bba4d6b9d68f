package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;
import java.lang.invoke.VarHandle;

/**
 * A bounded series of (time in epoch millis, value) pairs in two primitive arrays used as a ring: no boxing,
 * a fixed footprint of 16 bytes per slot, the oldest samples overwritten once full.
 *
 * <p>One collector writes a series; the chart, the rules and the journal read it at the same time. Readers never
 * lock: they copy optimistically and check afterwards, through the monotonically growing {@code written} count,
 * that the writer did not overwrite what they copied (a seqlock for an append-only ring). Only when a reader loses
 * that race three times does it copy under the writer's lock.
 */
public final class RingSeries {

    private static final int OPTIMISTIC_ATTEMPTS = 3;

    private final SeriesId id;
    private final int capacity;
    private final long[] times;
    private final double[] values;
    /** samples ever appended; the writer publishes a sample by incrementing it after filling its slot */
    private volatile long written;

    private long lastTime = Long.MIN_VALUE;

    public RingSeries(SeriesId id, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a series needs room for at least 2 samples, not " + capacity);
        }
        this.id = id;
        this.capacity = capacity;
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    public SeriesId id() {
        return id;
    }

    /** How many samples the ring holds at most; the newest {@code capacity - 1} are always readable. */
    public int capacity() {
        return capacity;
    }

    /**
     * Appends a sample; a sample older than the newest one is refused (false), so times stay ordered for
     * range queries. Synchronized so that an accidental second writer cannot corrupt the ring; uncontended
     * in normal use (one collector per series).
     */
    public synchronized boolean append(long time, double value) {
        if (time < lastTime) {
            return false;
        }
        int slot = (int) (written % capacity);
        times[slot] = time;
        values[slot] = value;
        lastTime = time;
        written = written + 1;
        return true;
    }

    /** Samples ever appended (including those since overwritten). */
    public long appendedCount() {
        return written;
    }

    public SeriesSnapshot snapshot() {
        return range(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The samples with {@code from <= time < to}. */
    public SeriesSnapshot range(long from, long to) {
        for (int attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
            SeriesSnapshot copy = tryCopy(from, to);
            if (copy != null) {
                return copy;
            }
        }
        synchronized (this) {
            return tryCopy(from, to);
        }
    }

    /** The newest {@code count} samples (fewer when the series is shorter). */
    public SeriesSnapshot last(int count) {
        long end = written;
        long start = Math.max(Math.max(0, end - capacity + 1), end - count);
        if (start >= end) {
            return new SeriesSnapshot(id, new long[0], new double[0]);
        }
        return range(times[slot(start)], Long.MAX_VALUE);
    }

    private SeriesSnapshot tryCopy(long from, long to) {
        long end = written;
        long oldest = Math.max(0, end - capacity + 1);
        long first = firstIndexAtOrAfter(oldest, end, from);
        long stop = firstIndexAtOrAfter(first, end, to);
        int size = (int) (stop - first);
        long[] copiedTimes = new long[size];
        double[] copiedValues = new double[size];
        for (int i = 0; i < size; i++) {
            int slot = slot(first + i);
            copiedTimes[i] = times[slot];
            copiedValues[i] = values[slot];
        }
        // the copies above must be complete before the count is read again
        VarHandle.acquireFence();
        long endAfter = written;
        // the slot of index endAfter may be being rewritten right now: it held index endAfter - capacity
        long safeOldest = endAfter - capacity + 1;
        if (first < safeOldest) {
            return null;
        }
        return new SeriesSnapshot(id, copiedTimes, copiedValues);
    }

    /** Binary search over logical indices [low, high) for the first sample with time >= target. */
    private long firstIndexAtOrAfter(long low, long high, long target) {
        long lo = low;
        long hi = high;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (times[slot(mid)] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int slot(long index) {
        return (int) (index % capacity);
    }

    @Override
    public String toString() {
        return id + " (" + Math.min(written, capacity - 1) + "/" + (capacity - 1) + " samples)";
    }
}
