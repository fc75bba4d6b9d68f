package dev.flightdeck.metrics.host;

import java.util.OptionalDouble;

/**
 * The cumulative CPU time of all cores since boot, from the {@code cpu} line of {@code /proc/stat}, in clock ticks.
 * A CPU percentage is the busy share of the time that passed between two such readings.
 *
 * @param busy  user + nice + system + irq + softirq + steal (guest time is already inside user and nice)
 * @param total busy + idle + iowait
 */
public record CpuTimes(long busy, long total) {

    /**
     * The share of the CPU that was busy since {@code earlier}, in percent. Empty when no time passed between the two
     * readings or the counters went back (the host rebooted).
     */
    public OptionalDouble percentSince(CpuTimes earlier) {
        long elapsed = total - earlier.total;
        long worked = busy - earlier.busy;
        if (elapsed <= 0 || worked < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100, worked * 100.0 / elapsed));
    }
}
