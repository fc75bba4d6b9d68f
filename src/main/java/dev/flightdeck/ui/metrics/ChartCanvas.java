package dev.flightdeck.ui.metrics;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link ChartFrame} on a canvas as wide as the panel. The frame's points are already pixels, at most two
 * per column, so a repaint costs the same with 15 minutes or 4 hours of history. The width it was laid out at is
 * reported so the next frame is built for it.
 */
public final class ChartCanvas extends Region {

    private static final Font SMALL = Font.font(10);
    static final double RIGHT_AXIS_OPACITY = 0.55;

    private final Canvas canvas = new Canvas();
    private final ChartPalette palette;
    private ChartFrame frame;
    private long lastPaintNanos;
    /** reused between repaints: the polygon of one run of a ribbon */
    private double[] polygonX = new double[0];

    private double[] polygonY = new double[0];

    public ChartCanvas(ChartPalette palette, double height) {
        this.palette = palette;
        getStyleClass().add("chart-canvas");
        getChildren().add(canvas);
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
        setMinWidth(120);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint();
        }
    }

    public void show(ChartFrame next) {
        this.frame = next;
        repaint();
    }

    /** How long the last repaint took on the FX thread (issuing the drawing commands). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public ChartFrame frame() {
        return frame;
    }

    public void repaint() {
        long started = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (frame != null) {
            paintAxes(g, frame);
            frame.bands().forEach(band -> {
                g.setFill(palette.band(band.colour()));
                g.fillRect(
                        frame.plot().left(), band.top(), frame.plot().width(), Math.max(1, band.bottom() - band.top()));
            });
            frame.lines().forEach(line -> paintLine(g, line));
            paintThresholds(g, frame);
        }
        lastPaintNanos = System.nanoTime() - started;
    }

    private void paintAxes(GraphicsContext g, ChartFrame chart) {
        ChartFrame.Plot plot = chart.plot();
        g.setLineWidth(1);
        g.setLineDashes();
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(palette.grid());
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.RIGHT);
        for (ChartFrame.Tick tick : chart.leftTicks()) {
            double y = Math.round(tick.position()) + 0.5;
            g.strokeLine(plot.left(), y, plot.right(), y);
            g.fillText(tick.label(), plot.left() - 4, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        chart.rightTicks().forEach(tick -> g.fillText(tick.label(), plot.right() + 4, tick.position()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        chart.timeTicks().forEach(tick -> g.fillText(tick.label(), tick.position(), plot.bottom() + 3));
    }

    /** Fills each unbroken run of the ribbon as one polygon: tops left to right, then bottoms right to left. */
    private void paintLine(GraphicsContext g, ChartFrame.Line line) {
        g.setFill(palette.series(line.colour()));
        g.setGlobalAlpha(line.rightAxis() ? RIGHT_AXIS_OPACITY : 1);
        int start = 0;
        for (int index = 0; index <= line.columns(); index++) {
            if (index == line.columns() || Double.isNaN(line.xs()[index])) {
                fillRun(g, line, start, index);
                start = index + 1;
            }
        }
        g.setGlobalAlpha(1);
    }

    private void fillRun(GraphicsContext g, ChartFrame.Line line, int from, int to) {
        int columns = to - from;
        if (columns < 1) {
            return;
        }
        if (polygonX.length < 2 * columns + 2) {
            polygonX = new double[2 * columns + 2];
            polygonY = new double[2 * columns + 2];
        }
        int corners = 0;
        for (int index = from; index < to; index++) {
            polygonX[corners] = line.xs()[index];
            polygonY[corners++] = line.tops()[index];
        }
        for (int index = to - 1; index >= from; index--) {
            polygonX[corners] = line.xs()[index];
            polygonY[corners++] = line.bottoms()[index];
        }
        if (columns == 1) {
            g.fillRect(line.xs()[from] - 1, line.tops()[from], 2, line.bottoms()[from] - line.tops()[from]);
        } else {
            g.fillPolygon(polygonX, polygonY, corners);
        }
    }

    /** The limits as dashed lines only: their words are in the legend, where they cover no data. */
    private void paintThresholds(GraphicsContext g, ChartFrame chart) {
        ChartFrame.Plot plot = chart.plot();
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        for (ChartFrame.ThresholdMark mark : chart.thresholds()) {
            if (!mark.aboveScale()) {
                g.setStroke(palette.limit(mark.state()));
                g.strokeLine(plot.left(), mark.y(), plot.right(), mark.y());
            }
        }
        g.setLineDashes();
    }
}
