package dev.flightdeck.ui.metrics;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * Paints a {@link ChartFrame} on a canvas as wide as the panel. The frame's points are already pixels, at most two
 * per column, so a repaint costs the same with 15 minutes or 4 hours of history; the ribbons of all series go to the
 * renderer as one picture ({@link RibbonRaster}), so its cost does not grow with the number of series either. The
 * width it was laid out at is reported so the next frame is built for it.
 */
public final class ChartCanvas extends Region {

    private static final Font SMALL = Font.font(10);
    static final double RIGHT_AXIS_OPACITY = 0.55;

    private final Canvas canvas = new Canvas();
    private final ChartPalette palette;
    private ChartFrame frame;
    private long lastPaintNanos;
    /** reused between repaints: the ribbons' pixels */
    private final RibbonRaster ribbons = new RibbonRaster();

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
            paintRibbons(g, frame);
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

    /**
     * Fills every ribbon into one picture at the screen's resolution and draws it: one image for the renderer instead
     * of a polygon per series.
     */
    private void paintRibbons(GraphicsContext g, ChartFrame chart) {
        double scale = outputScale();
        ribbons.clear((int) Math.ceil(canvas.getWidth() * scale), (int) Math.ceil(canvas.getHeight() * scale));
        for (ChartFrame.Line line : chart.lines()) {
            ribbons.fill(line, colour(palette.series(line.colour())), line.rightAxis() ? RIGHT_AXIS_OPACITY : 1, scale);
        }
        g.drawImage(ribbons.image(), 0, 0, ribbons.width() / scale, ribbons.height() / scale);
    }

    private double outputScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : Math.max(1, window.getOutputScaleX());
    }

    private static Color colour(Paint paint) {
        return paint instanceof Color colour ? colour : Color.GRAY;
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
