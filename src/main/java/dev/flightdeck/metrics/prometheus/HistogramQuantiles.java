package dev.flightdeck.metrics.prometheus;

/**
 * Quantiles from cumulative histogram buckets, the way Prometheus's {@code histogram_quantile} estimates them:
 * find the bucket holding the rank, interpolate linearly inside it (the lowest bucket starts at 0); a rank in the
 * {@code +Inf} bucket yields the highest finite bound, since nothing more is known.
 */
public final class HistogramQuantiles {

    private HistogramQuantiles() {}

    /**
     * @param upperBounds the buckets' {@code le} in increasing order, the last one {@code +Inf}
     * @param cumulative  the observations at or below each bound (made monotonic here: scrapes can race)
     * @return NaN when there were no observations
     */
    public static double quantile(double q, double[] upperBounds, double[] cumulative) {
        int buckets = upperBounds.length;
        if (buckets < 2 || !Double.isInfinite(upperBounds[buckets - 1])) {
            return Double.NaN;
        }
        double[] counts = monotonic(cumulative);
        double total = counts[buckets - 1];
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        int bucket = 0;
        while (bucket < buckets - 1 && counts[bucket] < rank) {
            bucket++;
        }
        if (bucket == buckets - 1) {
            return upperBounds[buckets - 2];
        }
        double lower = bucket == 0 ? Math.min(0, upperBounds[0]) : upperBounds[bucket - 1];
        double below = bucket == 0 ? 0 : counts[bucket - 1];
        double inBucket = counts[bucket] - below;
        if (inBucket <= 0) {
            return upperBounds[bucket];
        }
        return lower + (upperBounds[bucket] - lower) * (rank - below) / inBucket;
    }

    private static double[] monotonic(double[] cumulative) {
        double[] counts = cumulative.clone();
        for (int i = 1; i < counts.length; i++) {
            counts[i] = Math.max(counts[i], counts[i - 1]);
        }
        return counts;
    }
}
