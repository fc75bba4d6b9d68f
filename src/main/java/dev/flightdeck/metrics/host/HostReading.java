package dev.flightdeck.metrics.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one reading of a Linux host showed. A figure the output did not hold is empty, and {@code problems} says why,
 * in the operator's terms ({@code df: /data: No such file or directory}).
 *
 * @param cpu           cumulative CPU times (a percentage needs the previous reading)
 * @param load1         the 1-minute load average
 * @param memoryPercent memory in use (total minus available), percent of total
 * @param diskPercent   for each chosen path, the use of the filesystem holding it, percent (as {@code df} counts:
 *                      used / (used + available), so the blocks reserved for root count as unavailable)
 */
public record HostReading(
        Optional<CpuTimes> cpu,
        OptionalDouble load1,
        OptionalDouble memoryPercent,
        Map<String, Double> diskPercent,
        List<String> problems) {

    public HostReading {
        diskPercent = Map.copyOf(diskPercent);
        problems = List.copyOf(problems);
    }
}
