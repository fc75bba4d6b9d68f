package dev.flightdeck.metrics.postgres;

import java.util.OptionalDouble;

/**
 * A cumulative counter turned into a per-second rate between two readings. Nothing on the first reading; a counter
 * lower than before was reset ({@code pg_stat_reset()}, a restart), so that interval is unknown and skipped.
 */
final class CounterRate {

    private long previousValue = -1;
    private long previousTime;

    OptionalDouble perSecond(long value, long epochMillis) {
        long before = previousValue;
        long beforeTime = previousTime;
        previousValue = value;
        previousTime = epochMillis;
        if (before < 0 || value < before || epochMillis <= beforeTime) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value - before) * 1000.0 / (epochMillis - beforeTime));
    }
}
