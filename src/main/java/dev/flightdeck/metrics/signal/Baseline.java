package dev.flightdeck.metrics.signal;

import java.time.Instant;

/**
 * What a series looked like before the first change: the median is the reference rules multiply
 * ({@code 2x baseline}); the p95 is the top of the band the chart draws.
 */
public record Baseline(SeriesId id, double median, double p95, int samples, Instant from, Instant to) {

    /** {@code baseline latency_p95=120 ms (median of 600 samples, 01:50:00Z to 02:00:00Z)} */
    public String describe() {
        return "baseline " + id.signal() + "="
                + SignalCatalog.unitOf(id.signal()).format(median) + " (median of " + samples + " samples, " + from
                + " to " + to + ")";
    }
}
