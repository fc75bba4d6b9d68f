package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;

/**
 * A time range cut into equal buckets, each with the smallest and largest value seen in it, so a chart draws
 * a constant number of points however long the history (spikes survive, unlike averaging). An empty bucket
 * has {@code count == 0} and NaN extremes: a gap in the data, drawn as a gap.
 */
public record Decimated(SeriesId id, long from, long bucketMillis, double[] min, double[] max, int[] count) {

    public int buckets() {
        return min.length;
    }

    public long bucketStart(int bucket) {
        return from + bucket * bucketMillis;
    }

    public boolean isGap(int bucket) {
        return count[bucket] == 0;
    }
}
