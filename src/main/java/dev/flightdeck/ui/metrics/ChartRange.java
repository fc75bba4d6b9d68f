package dev.flightdeck.ui.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much history the charts show: by default everything kept since the session started ("All": from the first
 * reading to now, so the data fills the chart from its first minute instead of a sliver at its right edge); zoomable
 * to 15 minutes or an hour.
 */
public enum ChartRange {
    LAST_15_MINUTES("15m", Optional.of(Duration.ofMinutes(15))),
    LAST_HOUR("1h", Optional.of(Duration.ofHours(1))),
    WHOLE_WINDOW("All", Optional.empty());

    /** The whole window is never narrower than this: the first readings of a session are a few points, not a line. */
    static final Duration SHORTEST_WHOLE_WINDOW = Duration.ofMinutes(1);

    private final String label;
    private final Optional<Duration> span;

    ChartRange(String label, Optional<Duration> span) {
        this.label = label;
        this.span = span;
    }

    public String label() {
        return label;
    }

    /** The first instant shown, given now and the oldest sample kept (empty when nothing is stored). */
    public long fromMillis(long now, OptionalLong oldestSample) {
        if (span.isPresent()) {
            return now - span.get().toMillis();
        }
        long shortest = now - SHORTEST_WHOLE_WINDOW.toMillis();
        return oldestSample.isPresent() ? Math.min(shortest, oldestSample.getAsLong()) : shortest;
    }
}
