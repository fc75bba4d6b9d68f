package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.Baseline;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import java.time.ZoneId;
import java.util.List;

/**
 * What one chart shows: copies of its family's series covering {@code [from, to)} (taken off the FX thread), their
 * baselines and the triggers' limits.
 */
public record ChartInput(SignalFamily family, List<SeriesSnapshot> series, List<Baseline> baselines, List<ThresholdLine> thresholds,
                         long from, long to, ZoneId zone) {
}
