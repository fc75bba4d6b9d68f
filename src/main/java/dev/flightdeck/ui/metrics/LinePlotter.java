package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.TriggerMonitor;
import dev.flightdeck.metrics.store.Decimated;
import java.util.Arrays;

/**
 * Turns one min/max decimated series (one bucket per pixel column) into a polyline of at most two points per
 * column: the column's extremes, the one nearer the previous point first so the line does not zigzag. Empty
 * columns are bridged when the silence is shorter than the staleness limit (a 15 s scrape on a 3 s column is not a
 * gap) and break the line otherwise.
 */
final class LinePlotter {

    private static final long LONGEST_BRIDGED_SILENCE = TriggerMonitor.DEFAULT_STALE_AFTER.toMillis();

    private final ChartFrame.Plot plot;
    private final YScale scale;

    LinePlotter(ChartFrame.Plot plot, YScale scale) {
        this.plot = plot;
        this.scale = scale;
    }

    ChartFrame.Line plot(Decimated data, int colour, boolean dashed) {
        double[] xs = new double[data.buckets() * 2];
        double[] ys = new double[data.buckets() * 2];
        int size = 0;
        double previousY = Double.NaN;
        int lastFilled = -1;
        double columnWidth = plot.width() / data.buckets();
        for (int bucket = 0; bucket < data.buckets(); bucket++) {
            if (data.isGap(bucket)) {
                continue;
            }
            if (lastFilled >= 0 && (bucket - lastFilled - 1) * data.bucketMillis() > LONGEST_BRIDGED_SILENCE && size > 0) {
                xs[size] = Double.NaN;
                ys[size++] = Double.NaN;
            }
            double x = plot.left() + (bucket + 0.5) * columnWidth;
            double high = y(data.max()[bucket]);
            double low = y(data.min()[bucket]);
            boolean highFirst = Double.isNaN(previousY) || Math.abs(previousY - high) <= Math.abs(previousY - low);
            xs[size] = x;
            ys[size++] = highFirst ? high : low;
            if (high != low) {
                xs[size] = x;
                ys[size++] = highFirst ? low : high;
            }
            previousY = ys[size - 1];
            lastFilled = bucket;
        }
        return new ChartFrame.Line(colour, dashed, Arrays.copyOf(xs, size), Arrays.copyOf(ys, size), size);
    }

    double y(double value) {
        double fraction = Math.max(-0.02, Math.min(1.02, scale.fraction(value)));
        return plot.top() + plot.height() * (1 - fraction);
    }
}
