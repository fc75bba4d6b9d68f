package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.TriggerMonitor;
import dev.flightdeck.metrics.store.Decimated;
import java.util.Arrays;

/**
 * Turns one min/max decimated series (at most one bucket per pixel column) into a ribbon: per column the y of its largest and
 * of its smallest value, at least {@value #THINNEST} px apart. Filled as one polygon, the ribbon is a line where the
 * signal is steady and a band where it varies within a column, and it costs the rasterizer far less than stroking a
 * zigzag through every column's extremes. Empty columns are bridged when the silence is shorter than the staleness
 * limit (a 15 s scrape on a 3 s column is not a gap) and break the ribbon otherwise.
 */
final class LinePlotter {

    static final double THINNEST = 1.6;
    private static final long LONGEST_BRIDGED_SILENCE = TriggerMonitor.DEFAULT_STALE_AFTER.toMillis();

    private final ChartFrame.Plot plot;
    private final YScale scale;
    private final long from;
    private final long to;

    LinePlotter(ChartFrame.Plot plot, YScale scale, long from, long to) {
        this.plot = plot;
        this.scale = scale;
        this.from = from;
        this.to = to;
    }

    ChartFrame.Line plot(Decimated data, int colour, boolean rightAxis) {
        double[] xs = new double[data.buckets()];
        double[] tops = new double[data.buckets()];
        double[] bottoms = new double[data.buckets()];
        int size = 0;
        int lastFilled = -1;
        for (int bucket = 0; bucket < data.buckets(); bucket++) {
            if (data.isGap(bucket)) {
                continue;
            }
            if (lastFilled >= 0 && (bucket - lastFilled - 1) * data.bucketMillis() > LONGEST_BRIDGED_SILENCE) {
                xs[size] = Double.NaN;
                tops[size] = Double.NaN;
                bottoms[size++] = Double.NaN;
            }
            double top = y(data.max()[bucket]);
            double bottom = y(data.min()[bucket]);
            double missing = THINNEST - (bottom - top);
            xs[size] = x(data.bucketStart(bucket) + data.bucketMillis() / 2);
            tops[size] = missing > 0 ? top - missing / 2 : top;
            bottoms[size++] = missing > 0 ? bottom + missing / 2 : bottom;
            lastFilled = bucket;
        }
        return new ChartFrame.Line(
                colour,
                rightAxis,
                Arrays.copyOf(xs, size),
                Arrays.copyOf(tops, size),
                Arrays.copyOf(bottoms, size),
                size);
    }

    /** A time's column, kept inside the plot (the first bucket may start a little before the range). */
    double x(long time) {
        double fraction = (time - from) / (double) (to - from);
        return plot.left() + plot.width() * Math.max(0, Math.min(1, fraction));
    }

    double y(double value) {
        double fraction = Math.max(-0.02, Math.min(1.02, scale.fraction(value)));
        return plot.top() + plot.height() * (1 - fraction);
    }
}
