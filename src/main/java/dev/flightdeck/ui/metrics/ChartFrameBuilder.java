package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.metrics.store.Decimated;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ChartFrame} off the FX thread from series already decimated to at most one min/max bucket per
 * pixel column: fits the axes around the data, the thresholds and the baseline bands, and converts all to pixels.
 */
public final class ChartFrameBuilder {

    static final double LEFT_AXIS = 46;
    static final double RIGHT_AXIS = 42;
    static final double TOP = 6;
    static final double BOTTOM = 16;
    static final double LIMIT_IN_SCALE = 3;
    /**
     * A top this many times the 95th percentile of the columns' tops is a spike (a cold start's first answers, on
     * several series at once): the axis follows the rest, the peak is named.
     */
    static final double SPIKE = 3;
    /** Columns with data needed before a spike may be cut: fewer are all that is known, and all are shown. */
    static final int SPIKE_NEEDS_COLUMNS = 20;

    private ChartFrameBuilder() {}

    /** Pixel columns of the plot in a chart this wide: how many buckets to decimate each series to. */
    public static int columns(double width, boolean rightAxis) {
        return (int) Math.max(1, Math.floor(plotWidth(width, rightAxis)));
    }

    private static double plotWidth(double width, boolean rightAxis) {
        return Math.max(10, width - LEFT_AXIS - (rightAxis ? RIGHT_AXIS : 8));
    }

    public static ChartFrame build(ChartInput input, double width, double height) {
        boolean right = input.series().stream()
                .anyMatch(series ->
                        input.family().rightAxis().contains(series.id().signal()));
        ChartFrame.Plot plot =
                new ChartFrame.Plot(LEFT_AXIS, TOP, plotWidth(width, right), Math.max(10, height - TOP - BOTTOM));
        List<Decimated> decimated = input.series();
        List<String> notes = new ArrayList<>();
        YScale left = scale(input, decimated, false, notes);
        YScale rightScale = scale(input, decimated, true, notes);
        Scales scales = new Scales(left, rightScale);
        LinePlotter leftPlotter = new LinePlotter(plot, left, input.from(), input.to());
        LinePlotter rightPlotter = new LinePlotter(plot, rightScale, input.from(), input.to());
        List<ChartFrame.Line> lines = new ArrayList<>();
        List<ChartFrame.Legend> legend = new ArrayList<>();
        for (int index = 0; index < decimated.size(); index++) {
            boolean onRight = isRight(input, input.series().get(index));
            lines.add((onRight ? rightPlotter : leftPlotter).plot(decimated.get(index), index, onRight));
            legend.add(legend(input, index, onRight));
        }
        return new ChartFrame(
                width,
                height,
                plot,
                lines,
                thresholds(input, scales, leftPlotter, rightPlotter),
                bands(input, leftPlotter),
                ticks(left, leftPlotter),
                right ? ticks(rightScale, rightPlotter) : List.of(),
                TimeTicks.of(input.from(), input.to(), plot, input.zone(), width),
                legend,
                List.copyOf(notes));
    }

    /** The series' signal in words, and its source only when another series of the chart has the same signal. */
    private static ChartFrame.Legend legend(ChartInput input, int index, boolean onRight) {
        var id = input.series().get(index).id();
        long sameSignal = input.series().stream()
                .filter(other -> other.id().signal().equals(id.signal()))
                .count();
        return new ChartFrame.Legend(index, onRight, id.signal().replace('_', ' '), sameSignal > 1 ? id.source() : "");
    }

    private static boolean isRight(ChartInput input, Decimated series) {
        return input.family().rightAxis().contains(series.id().signal());
    }

    /**
     * The axis of one side: its series' extremes and, on the left, their baseline bands; a limit joins the scale
     * only when it is within {@value #LIMIT_IN_SCALE}x the data's top, else it would flatten the data to a line. A lone
     * spike (a cold start's first answer) does not set the top either: see {@link #spikeFree}.
     */
    private static YScale scale(ChartInput input, List<Decimated> decimated, boolean rightSide, List<String> notes) {
        double min = Double.NaN;
        double max = Double.NaN;
        String unitSignal = null;
        List<Double> columnTops = new ArrayList<>();
        for (int index = 0; index < decimated.size(); index++) {
            Decimated series = input.series().get(index);
            if (isRight(input, series) != rightSide) {
                continue;
            }
            unitSignal = series.id().signal();
            for (int bucket = 0; bucket < decimated.get(index).buckets(); bucket++) {
                min = minOf(min, decimated.get(index).min()[bucket]);
                max = maxOf(max, decimated.get(index).max()[bucket]);
                if (!Double.isNaN(decimated.get(index).max()[bucket])) {
                    columnTops.add(decimated.get(index).max()[bucket]);
                }
            }
            for (Baseline baseline : input.baselines()) {
                if (!rightSide && baseline.id().equals(series.id())) {
                    min = minOf(min, baseline.median());
                    max = maxOf(max, baseline.p95());
                }
            }
        }
        SignalUnit unit = unitOf(input, unitSignal, rightSide);
        double peak = max;
        max = spikeFree(columnTops, max);
        if (max < peak) {
            notes.add("↑ peaks up to " + unit.format(peak) + " are above the chart");
        }
        double dataTop = max;
        for (ThresholdLine threshold : input.thresholds()) {
            boolean near = Double.isNaN(dataTop) || threshold.limit() <= Math.max(dataTop, 0) * LIMIT_IN_SCALE;
            if (input.family().rightAxis().contains(threshold.signal()) == rightSide && near) {
                min = minOf(min, threshold.limit());
                max = maxOf(max, threshold.limit());
            }
        }
        return YScale.covering(min, max, unit);
    }

    private static SignalUnit unitOf(ChartInput input, String unitSignal, boolean rightSide) {
        return SignalCatalog.unitOf(
                unitSignal != null
                        ? unitSignal
                        : (rightSide
                                        ? input.family().rightAxis()
                                        : input.family().leftAxis())
                                .stream().findFirst().orElse(""));
    }

    /**
     * The top the axis should reach: the data's highest column, unless that is more than {@value #SPIKE}x the 95th
     * percentile of the columns' tops — then a few columns would squeeze the rest to the floor, and the axis reaches a
     * quarter above that percentile instead (the cut columns run to the plot's top edge, and the legend names the peak).
     */
    static double spikeFree(List<Double> columnTops, double top) {
        if (columnTops.size() < SPIKE_NEEDS_COLUMNS || Double.isNaN(top)) {
            return top;
        }
        List<Double> sorted = columnTops.stream().sorted().toList();
        double usual = sorted.get((int) Math.floor(0.95 * (sorted.size() - 1)));
        return usual > 0 && top > SPIKE * usual ? usual * 1.25 : top;
    }

    private static double minOf(double current, double value) {
        return Double.isNaN(value) ? current : Double.isNaN(current) ? value : Math.min(current, value);
    }

    private static double maxOf(double current, double value) {
        return Double.isNaN(value) ? current : Double.isNaN(current) ? value : Math.max(current, value);
    }

    private record Scales(YScale left, YScale right) {}

    private static List<ChartFrame.ThresholdMark> thresholds(
            ChartInput input, Scales scales, LinePlotter left, LinePlotter right) {
        return input.thresholds().stream()
                .map(threshold -> {
                    boolean onRight = input.family().rightAxis().contains(threshold.signal());
                    boolean above = threshold.limit() > (onRight ? scales.right() : scales.left()).high();
                    return new ChartFrame.ThresholdMark(
                            (onRight ? right : left).y(threshold.limit()), threshold.label(), threshold.state(), above);
                })
                .toList();
    }

    private static List<ChartFrame.Band> bands(ChartInput input, LinePlotter left) {
        List<ChartFrame.Band> bands = new ArrayList<>();
        for (Baseline baseline : input.baselines()) {
            int colour = indexOf(input, baseline);
            if (colour >= 0
                    && !input.family().rightAxis().contains(baseline.id().signal())) {
                bands.add(new ChartFrame.Band(left.y(baseline.p95()), left.y(baseline.median()), colour));
            }
        }
        return bands;
    }

    private static int indexOf(ChartInput input, Baseline baseline) {
        for (int index = 0; index < input.series().size(); index++) {
            if (input.series().get(index).id().equals(baseline.id())) {
                return index;
            }
        }
        return -1;
    }

    private static List<ChartFrame.Tick> ticks(YScale scale, LinePlotter plotter) {
        return scale.ticks().stream()
                .map(tick -> new ChartFrame.Tick(plotter.y(tick), scale.label(tick)))
                .toList();
    }
}
