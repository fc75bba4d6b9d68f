package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.signal.SignalCatalog;
import java.time.Instant;

/**
 * One series over one clock minute: what the session journals instead of every sample (60 samples become one
 * line). {@code count} counts the readings; NaN readings (no data) are left out of min, max and average.
 */
public record MinuteSummary(SeriesId id, Instant minute, double min, double max, double average, int count) {

    /** {@code 02:14 web/error_rate min 0.10% max 1.42% avg 0.57% (60 samples)} */
    public String describe() {
        var unit = SignalCatalog.unitOf(id.signal());
        return minute + " " + id + " min " + unit.format(min) + " max " + unit.format(max) + " avg "
                + unit.format(average) + " (" + count + " samples)";
    }
}
