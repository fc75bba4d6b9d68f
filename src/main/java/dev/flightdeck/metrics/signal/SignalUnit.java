package dev.flightdeck.metrics.signal;

import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * The unit a signal's samples are stored in. Ratios are stored as percent (0–100), never as fractions,
 * so {@code error_rate > 1%} compares 1.42 with 1. Durations are stored in milliseconds.
 */
public enum SignalUnit {
    /** a check: 1 = passed, 0 = failed */
    CHECK,
    PERCENT,
    MILLISECONDS,
    PER_SECOND,
    /** a plain number: connections, locks, load average */
    NUMBER,
    /** a size in megabytes (1024 × 1024 bytes) */
    MEGABYTES;

    /** The value as an operator reads it: {@code 1.42%}, {@code 230 ms}, {@code 4.2 s}, {@code fail}, {@code 812.0 MB}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        return switch (this) {
            case CHECK -> value >= 1 ? "ok" : "fail";
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", value);
            case MILLISECONDS -> duration(value);
            case PER_SECOND -> String.format(Locale.ROOT, "%.2f/s", value);
            case NUMBER ->
                value == Math.rint(value) && Math.abs(value) < 1e15
                        ? String.valueOf((long) value)
                        : String.format(Locale.ROOT, "%.2f", value);
            case MEGABYTES ->
                value >= 1024
                        ? String.format(Locale.ROOT, "%.1f GB", value / 1024)
                        : String.format(Locale.ROOT, "%.1f MB", value);
        };
    }

    /** Latencies in milliseconds, a transaction open for twenty minutes as {@code 20m 5s}, not {@code 1205000 ms}. */
    private static String duration(double millis) {
        if (Math.abs(millis) < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (Math.abs(millis) < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return Durations.readable(Duration.ofMillis(Math.round(millis)));
    }
}
