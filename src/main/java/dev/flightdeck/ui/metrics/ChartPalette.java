package dev.flightdeck.ui.metrics;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours a canvas paints with, taken from the theme's looked-up colours ({@code -color-chart-N},
 * {@code -color-danger-fg}, ...) through invisible probe labels styled in {@code metrics.css}, so the charts follow
 * the light/dark switch and no hex value lives in code.
 */
public final class ChartPalette {

    static final int SERIES_COLOURS = 8;

    private final List<Label> series = new ArrayList<>();
    private final Label grid = probe("chart-grid");
    private final Label text = probe("chart-text");
    private final Label ok = probe("chart-limit-ok");
    private final Label warning = probe("chart-limit-warning");
    private final Label firing = probe("chart-limit-firing");

    public ChartPalette() {
        for (int index = 1; index <= SERIES_COLOURS; index++) {
            series.add(probe("chart-series-" + index));
        }
    }

    private static Label probe(String styleClass) {
        Label probe = new Label();
        probe.getStyleClass().add(styleClass);
        probe.setManaged(false);
        probe.setVisible(false);
        return probe;
    }

    /** Puts the probes into the scene graph (invisible, unmanaged) and calls {@code onChange} when the theme changes a colour. */
    public void attachTo(Pane parent, Runnable onChange) {
        List<Label> all = probes();
        parent.getChildren().addAll(all);
        all.forEach(probe -> probe.textFillProperty().addListener((observable, was, now) -> onChange.run()));
    }

    private List<Label> probes() {
        List<Label> all = new ArrayList<>(series);
        all.addAll(List.of(grid, text, ok, warning, firing));
        return all;
    }

    public Paint series(int index) {
        return series.get(Math.floorMod(index, SERIES_COLOURS)).getTextFill();
    }

    /** The series colour, translucent, for its baseline band. */
    public Paint band(int index) {
        Paint paint = series(index);
        return paint instanceof Color colour ? colour.deriveColor(0, 1, 1, 0.16) : paint;
    }

    public Paint grid() {
        return grid.getTextFill();
    }

    public Paint text() {
        return text.getTextFill();
    }

    public Paint limit(FigureState state) {
        return switch (state) {
            case FIRING -> firing.getTextFill();
            case WARNING -> warning.getTextFill();
            default -> ok.getTextFill();
        };
    }
}
