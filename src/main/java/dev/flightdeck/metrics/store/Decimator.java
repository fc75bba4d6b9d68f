package dev.flightdeck.metrics.store;

import java.util.Arrays;

/**
 * Min/max decimation of a time range to a fixed number of buckets, for charts. Runs on the caller's thread,
 * which must be a background one: the cost is one pass over the samples in the range.
 */
public final class Decimator {

    private Decimator() {}

    /** Decimates {@code [from, to)} of the series into {@code buckets} buckets. */
    public static Decimated minMax(RingSeries series, long from, long to, int buckets) {
        return minMax(series.range(from, to), from, to, buckets);
    }

    public static Decimated minMax(SeriesSnapshot samples, long from, long to, int buckets) {
        if (buckets < 1 || to <= from) {
            throw new IllegalArgumentException("decimation needs at least one bucket and a non-empty range");
        }
        long bucketMillis = Math.max(1, (to - from + buckets - 1) / buckets);
        double[] min = new double[buckets];
        double[] max = new double[buckets];
        int[] count = new int[buckets];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (int i = 0; i < samples.size(); i++) {
            long time = samples.timeAt(i);
            double value = samples.valueAt(i);
            if (time < from || time >= to || Double.isNaN(value)) {
                continue;
            }
            int bucket = (int) Math.min(buckets - 1, (time - from) / bucketMillis);
            if (count[bucket] == 0) {
                min[bucket] = value;
                max[bucket] = value;
            } else {
                min[bucket] = Math.min(min[bucket], value);
                max[bucket] = Math.max(max[bucket], value);
            }
            count[bucket]++;
        }
        return new Decimated(samples.id(), from, bucketMillis, min, max, count);
    }
}
