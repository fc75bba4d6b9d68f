package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.TriggerMonitor;
import dev.flightdeck.metrics.store.Decimated;
import dev.flightdeck.metrics.store.Decimator;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Min/max buckets of one series kept from one frame to the next, so a frame costs the samples of the last seconds,
 * not a copy of the whole history: buckets are aligned to multiples of their length in absolute time, so those
 * already complete never change; each frame drops the buckets that left the range, adds the new ones and refolds
 * only the recent tail (the last bucket, and the staleness limit before it for samples a collector stamped earlier
 * but stored late). A new bucket length (a zoom, a resize, a whole window grown past a step) rebuilds from one copy.
 * Used by the panel's single background thread only.
 */
final class SeriesDecimation {

    private static final long LATE_SAMPLES = TriggerMonitor.DEFAULT_STALE_AFTER.toMillis();

    private final RingSeries series;
    private long bucketMillis;
    private long firstBucket;
    private double[] min = new double[0];
    private double[] max = new double[0];
    private int[] count = new int[0];
    private long foldedUntil = Long.MIN_VALUE;
    private long oldest = Long.MIN_VALUE;

    SeriesDecimation(RingSeries series) {
        this.series = series;
    }

    /** The length of a bucket for {@code columns} columns over {@code span} ms: whole seconds (tenths below 1 s), so it seldom changes. */
    static long bucketMillis(long span, int columns) {
        double exact = (double) span / Math.max(1, columns - 1);
        long unit = exact >= 1000 ? 1000 : 100;
        return Math.max(unit, (long) Math.ceil(exact / unit) * unit);
    }

    /**
     * The time of the oldest sample kept: copied once, then refreshed by each rebuild of the whole window, so once the
     * ring is full the whole window follows its start within a few minutes. Empty series: none.
     */
    OptionalLong oldest() {
        if (oldest == Long.MIN_VALUE) {
            SeriesSnapshot first = series.last(Integer.MAX_VALUE);
            oldest = first.isEmpty() ? Long.MIN_VALUE : first.timeAt(0);
        }
        return oldest == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest);
    }

    /** At most {@code columns} buckets covering {@code [from, to)}, the first starting at or just before {@code from}. */
    Decimated window(long from, long to, int columns) {
        long length = bucketMillis(to - from, columns);
        long fromBucket = Math.floorDiv(from, length);
        int buckets = (int) (Math.floorDiv(to - 1, length) - fromBucket + 1);
        if (length != bucketMillis || fromBucket < firstBucket || foldedUntil == Long.MIN_VALUE) {
            rebuild(fromBucket, buckets, length, to);
        } else {
            slide(fromBucket, buckets, to);
        }
        return new Decimated(
                series.id(),
                firstBucket * bucketMillis,
                bucketMillis,
                Arrays.copyOf(min, buckets),
                Arrays.copyOf(max, buckets),
                Arrays.copyOf(count, buckets));
    }

    private void rebuild(long fromBucket, int buckets, long length, long to) {
        bucketMillis = length;
        firstBucket = fromBucket;
        SeriesSnapshot samples = series.range(fromBucket * length, to);
        Decimated fresh =
                Decimator.minMax(samples, fromBucket * length, fromBucket * length + buckets * length, buckets);
        min = fresh.min();
        max = fresh.max();
        count = fresh.count();
        foldedUntil = to;
        // a copy from before the known oldest sample sees where the ring starts now (it moves once the ring is full)
        if (!samples.isEmpty() && (oldest == Long.MIN_VALUE || fromBucket * length <= oldest)) {
            oldest = samples.timeAt(0);
        }
    }

    private void slide(long fromBucket, int buckets, long to) {
        int dropped = (int) (fromBucket - firstBucket);
        double[] newMin = new double[buckets];
        double[] newMax = new double[buckets];
        int[] newCount = new int[buckets];
        Arrays.fill(newMin, Double.NaN);
        Arrays.fill(newMax, Double.NaN);
        int kept = Math.max(0, Math.min(min.length - dropped, buckets));
        if (kept > 0) {
            System.arraycopy(min, dropped, newMin, 0, kept);
            System.arraycopy(max, dropped, newMax, 0, kept);
            System.arraycopy(count, dropped, newCount, 0, kept);
        }
        min = newMin;
        max = newMax;
        count = newCount;
        firstBucket = fromBucket;
        refoldTail(to);
    }

    /** Clears the buckets from the refold point on and folds the samples stored for them again. */
    private void refoldTail(long to) {
        long refoldBucket = Math.max(firstBucket, Math.floorDiv(foldedUntil - LATE_SAMPLES, bucketMillis));
        int start = (int) (refoldBucket - firstBucket);
        for (int bucket = start; bucket < min.length; bucket++) {
            min[bucket] = Double.NaN;
            max[bucket] = Double.NaN;
            count[bucket] = 0;
        }
        SeriesSnapshot tail = series.range(refoldBucket * bucketMillis, to);
        for (int index = 0; index < tail.size(); index++) {
            double value = tail.valueAt(index);
            int bucket = (int) (Math.floorDiv(tail.timeAt(index), bucketMillis) - firstBucket);
            if (Double.isNaN(value) || bucket < 0 || bucket >= min.length) {
                continue;
            }
            min[bucket] = count[bucket] == 0 ? value : Math.min(min[bucket], value);
            max[bucket] = count[bucket] == 0 ? value : Math.max(max[bucket], value);
            count[bucket]++;
        }
        foldedUntil = to;
    }
}
