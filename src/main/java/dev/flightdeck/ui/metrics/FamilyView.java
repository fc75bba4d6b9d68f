package dev.flightdeck.ui.metrics;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** One signal family: its title and state, its figures, its chart and the chart's legend. */
final class FamilyView extends VBox {

    private final Label title = new Label();
    private final Label state = new Label();
    private final FlowPane figures = new FlowPane(14, 4);
    private final ChartCanvas chart;
    private final FlowPane legend = new FlowPane(10, 2);
    private final ChartPalette palette;
    private List<ChartFrame.Legend> shownLegend = List.of();

    FamilyView(SignalFamily family, ChartPalette palette, DoubleConsumer chartWidth) {
        this.palette = palette;
        this.chart = new ChartCanvas(palette, PanelRequest.DEFAULT_CHART_HEIGHT);
        getStyleClass().add("metric-family");
        setId("family-" + family.name().toLowerCase(Locale.ROOT));
        title.setText(family.title());
        title.getStyleClass().add("metric-family-title");
        state.getStyleClass().add("state-chip");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, state);
        legend.getStyleClass().add("metric-legend");
        chart.setAccessibleText(family.title() + " chart");
        chart.widthProperty().addListener((observable, was, width) -> chartWidth.accept(width.doubleValue()));
        getChildren().addAll(header, figures, chart, legend);
    }

    void show(PanelFrame.FamilyFrame frame) {
        FigureState worst = frame.state();
        state.setText(
                switch (worst) {
                    case FIRING -> "firing";
                    case WARNING -> "warning";
                    case OK -> "ok";
                    case UNKNOWN -> "no data";
                    case NEUTRAL -> "";
                });
        state.setVisible(worst != FigureState.NEUTRAL);
        for (FigureState candidate : FigureState.values()) {
            state.pseudoClassStateChanged(PseudoClass.getPseudoClass(candidate.cssName()), candidate == worst);
        }
        while (figures.getChildren().size() < frame.figures().size()) {
            figures.getChildren().add(new FigureView());
        }
        figures.getChildren()
                .remove(frame.figures().size(), figures.getChildren().size());
        for (int index = 0; index < frame.figures().size(); index++) {
            ((FigureView) figures.getChildren().get(index)).show(frame.figures().get(index));
        }
        chart.setVisible(frame.chart().isPresent());
        chart.setManaged(chart.isVisible());
        frame.chart().ifPresent(chart::show);
        showLegend(frame.chart().map(ChartFrame::legend).orElse(List.of()));
    }

    private void showLegend(List<ChartFrame.Legend> entries) {
        if (entries.equals(shownLegend)) {
            return;
        }
        shownLegend = entries;
        legend.getChildren().setAll(entries.stream().map(this::legendEntry).toList());
    }

    private Label legendEntry(ChartFrame.Legend entry) {
        Rectangle swatch = new Rectangle(10, 3, palette.series(entry.colour()));
        swatch.setOpacity(entry.rightAxis() ? ChartCanvas.RIGHT_AXIS_OPACITY : 1);
        Label label = new Label(entry.text() + (entry.rightAxis() ? " (right axis)" : ""), swatch);
        label.getStyleClass().add("metric-legend-entry");
        return label;
    }

    /** Repaints with the theme's new colours. */
    void repaint() {
        chart.repaint();
        List<ChartFrame.Legend> entries = shownLegend;
        shownLegend = List.of();
        showLegend(entries);
    }

    ChartCanvas chart() {
        return chart;
    }
}
