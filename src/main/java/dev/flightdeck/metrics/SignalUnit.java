package dev.flightdeck.metrics;

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
    NUMBER;

    /** The value as an operator reads it: {@code 1.42%}, {@code 230 ms}, {@code fail}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        return switch (this) {
            case CHECK -> value >= 1 ? "ok" : "fail";
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", value);
            case MILLISECONDS -> String.format(Locale.ROOT, "%.0f ms", value);
            case PER_SECOND -> String.format(Locale.ROOT, "%.2f/s", value);
            case NUMBER -> value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        };
    }
}
