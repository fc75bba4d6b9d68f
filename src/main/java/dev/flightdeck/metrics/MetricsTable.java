package dev.flightdeck.metrics;

import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The live figures as plain text lines: one row per series (newest value and its age), then the sources that fail. */
public final class MetricsTable {

    private static final String ROW = "%-20s %-34s %14s %8s";

    private MetricsTable() {}

    public static List<String> lines(SeriesStore store, List<CollectorStatus> collectors, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(ROW, "SOURCE", "SIGNAL", "VALUE", "AGE").stripTrailing());
        for (RingSeries series : store.all()) {
            SeriesSnapshot last = series.last(1);
            if (last.isEmpty()) {
                continue;
            }
            Duration age = Duration.ofMillis(Math.max(0, now.toEpochMilli() - last.timeAt(0)));
            String value = SignalCatalog.unitOf(series.id().signal()).format(last.valueAt(0));
            lines.add(String.format(
                    ROW, series.id().source(), series.id().signal(), value, Durations.format(age.withNanos(0))));
        }
        for (CollectorStatus status : collectors) {
            status.lastError()
                    .ifPresent(error -> lines.add(status.source() + ": " + error
                            + (status.failuresInARow() > 1
                                    ? " (" + status.failuresInARow() + " attempts in a row)"
                                    : "")));
        }
        return lines;
    }
}
