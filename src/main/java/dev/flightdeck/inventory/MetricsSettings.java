package dev.flightdeck.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether and how the instruments read a host or a database during a window ({@code metrics:} in the inventory).
 * On by default: the baselines need readings from before the first change, so reading starts when the session opens.
 *
 * @param every how often to read; empty: the collector's default
 * @param disks hosts only: the paths whose filesystems' use to read (default {@code /})
 */
public record MetricsSettings(boolean enabled, Optional<Duration> every, List<String> disks) {

    public static final List<String> DEFAULT_DISKS = List.of("/");
    public static final MetricsSettings ON = new MetricsSettings(true, Optional.empty(), DEFAULT_DISKS);
    public static final MetricsSettings OFF = new MetricsSettings(false, Optional.empty(), DEFAULT_DISKS);

    public MetricsSettings {
        disks = List.copyOf(disks);
    }
}
