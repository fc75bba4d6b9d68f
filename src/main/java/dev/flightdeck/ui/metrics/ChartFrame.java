package dev.flightdeck.ui.metrics;

import java.util.List;

/**
 * One chart, ready to paint: every coordinate is already in pixels, computed off the FX thread from min/max
 * decimated data, so painting costs the same whatever the length of the history. A line holds at most two points
 * per pixel column (the y of the column's max and of its min) and NaN where the data has a gap.
 */
public record ChartFrame(
        double width,
        double height,
        Plot plot,
        List<Line> lines,
        List<ThresholdMark> thresholds,
        List<Band> bands,
        List<Tick> leftTicks,
        List<Tick> rightTicks,
        List<Tick> timeTicks,
        List<Legend> legend,
        List<String> notes) {

    public record Plot(double left, double top, double width, double height) {

        public double bottom() {
            return top + height;
        }

        public double right() {
            return left + width;
        }
    }

    /**
     * A series as a ribbon: per column its x, the y of its largest value ({@code tops}) and of its smallest
     * ({@code bottoms}); NaN breaks it. {@code colour} indexes the palette; right-axis series are drawn lighter.
     */
    public record Line(int colour, boolean rightAxis, double[] xs, double[] tops, double[] bottoms, int columns) {

        /** Points handed to the FX thread: two per column. */
        public int points() {
            return 2 * columns;
        }
    }

    /**
     * A trigger's limit as a horizontal line, coloured by the trigger's state; its label goes in the legend, never on
     * the plot where it would cover the data. A limit far above the data is {@code aboveScale}: no line, only the
     * legend's entry, instead of flattening the data to fit it in.
     */
    public record ThresholdMark(double y, String label, FigureState state, boolean aboveScale) {}

    /** A series' baseline: from its median (bottom) to its p95 (top). */
    public record Band(double top, double bottom, int colour) {}

    public record Tick(double position, String label) {}

    /**
     * One series in the legend: the signal in words ({@code latency p95}), written once for all its sources, and the
     * source that tells this series from the others of that signal (empty when it is the only one).
     */
    public record Legend(int colour, boolean rightAxis, String signal, String source) {}

    public static ChartFrame empty(double width, double height) {
        return new ChartFrame(
                width,
                height,
                new Plot(0, 0, width, height),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Points handed to the painter, all lines together. */
    public int points() {
        return lines.stream().mapToInt(Line::points).sum();
    }
}
