package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.store.Decimated;
import java.time.ZoneId;
import java.util.List;

/**
 * What one chart shows: its family's series min/max decimated (off the FX thread) to at most one bucket per pixel
 * column over {@code [from, to)}, their baselines and the triggers' limits.
 */
public record ChartInput(
        SignalFamily family,
        List<Decimated> series,
        List<Baseline> baselines,
        List<ThresholdLine> thresholds,
        long from,
        long to,
        ZoneId zone) {}
