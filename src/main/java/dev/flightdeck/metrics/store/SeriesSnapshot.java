package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;
import java.util.OptionalDouble;

/**
 * A consistent copy of part of a series, oldest first. The arrays are the snapshot's own; readers may keep them.
 */
public record SeriesSnapshot(SeriesId id, long[] times, double[] values) {

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long timeAt(int index) {
        return times[index];
    }

    public double valueAt(int index) {
        return values[index];
    }

    public OptionalDouble lastValue() {
        return isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values[values.length - 1]);
    }
}
