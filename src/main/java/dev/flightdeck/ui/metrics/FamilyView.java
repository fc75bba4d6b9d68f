package dev.flightdeck.ui.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/** One signal family: its title and state, its figures, its chart and the chart's legend. */
final class FamilyView extends VBox {

    private final Label title = new Label();
    private final Label state = new Label();
    private final FlowPane figures = new FlowPane(14, 4);
    private final ChartCanvas chart;
    private final VBox legend = new VBox(2);
    private final ChartPalette palette;
    private LegendContent shownLegend = LegendContent.NONE;
    private FigureState shownState;

    /** What the legend shows: the series, the trigger limits with their state, and notes such as a cut peak. */
    private record LegendContent(
            List<ChartFrame.Legend> series, List<ChartFrame.ThresholdMark> limits, List<String> notes) {
        static final LegendContent NONE = new LegendContent(List.of(), List.of(), List.of());

        static LegendContent of(ChartFrame frame) {
            // a limit's y moves with the scale; the legend only cares about its words and colour
            List<ChartFrame.ThresholdMark> limits = frame.thresholds().stream()
                    .map(mark -> new ChartFrame.ThresholdMark(0, mark.label(), mark.state(), mark.aboveScale()))
                    .toList();
            return new LegendContent(frame.legend(), limits, frame.notes());
        }
    }

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
        showState(frame.state());
        List<Figure> shown = frame.figures();
        if (figures.getChildren().size() != shown.size()) {
            while (figures.getChildren().size() < shown.size()) {
                figures.getChildren().add(new FigureView());
            }
            figures.getChildren().remove(shown.size(), figures.getChildren().size());
        }
        for (int index = 0; index < shown.size(); index++) {
            ((FigureView) figures.getChildren().get(index)).show(shown.get(index));
        }
        chart.setVisible(frame.chart().isPresent());
        chart.setManaged(chart.isVisible());
        frame.chart().ifPresent(chart::show);
        showLegend(frame.chart().map(LegendContent::of).orElse(LegendContent.NONE));
    }

    /** The family's chip; a changed pseudo-class restyles it, so it is touched only when the state changed. */
    private void showState(FigureState worst) {
        if (worst == shownState) {
            return;
        }
        shownState = worst;
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
    }

    /**
     * One row per signal, the signal written once: {@code latency p95 ▬ app1-metrics ▬ app2-metrics}, or {@code ▬
     * latency p95} when one source has it; then one row per trigger limit (a dashed swatch in its state's colour,
     * the rule as written) and the notes. Nothing is written on the plot itself, so no label covers the data.
     */
    private void showLegend(LegendContent content) {
        if (content.equals(shownLegend)) {
            return;
        }
        shownLegend = content;
        List<FlowPane> rows = new ArrayList<>();
        Map<String, List<ChartFrame.Legend>> bySignal = new LinkedHashMap<>();
        content.series()
                .forEach(entry -> bySignal.computeIfAbsent(entry.signal(), signal -> new ArrayList<>())
                        .add(entry));
        bySignal.forEach((signal, entries) -> {
            String words = signal + (entries.get(0).rightAxis() ? " (right axis)" : "");
            if (entries.size() == 1 && entries.get(0).source().isEmpty()) {
                rows.add(row(entry(words, seriesSwatch(entries.get(0)))));
                return;
            }
            List<Label> labels = new ArrayList<>();
            labels.add(entry(words + ":", null));
            entries.forEach(entry -> labels.add(entry(entry.source(), seriesSwatch(entry))));
            rows.add(row(labels.toArray(Label[]::new)));
        });
        content.limits()
                .forEach(limit -> rows.add(row(entry(
                        limit.label() + (limit.aboveScale() ? " (limit above the chart)" : ""), limitSwatch(limit)))));
        content.notes().forEach(note -> rows.add(row(entry(note, null))));
        legend.getChildren().setAll(rows);
    }

    private static FlowPane row(Label... labels) {
        FlowPane row = new FlowPane(8, 2, labels);
        row.setMinWidth(0);
        return row;
    }

    private static Label entry(String text, Node swatch) {
        Label label = new Label(text, swatch);
        label.getStyleClass().add("metric-legend-entry");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Node seriesSwatch(ChartFrame.Legend entry) {
        Rectangle swatch = new Rectangle(10, 3, palette.series(entry.colour()));
        swatch.setOpacity(entry.rightAxis() ? ChartCanvas.RIGHT_AXIS_OPACITY : 1);
        return swatch;
    }

    private Node limitSwatch(ChartFrame.ThresholdMark limit) {
        Line dashes = new Line(0, 0, 14, 0);
        dashes.setStroke(palette.limit(limit.state()));
        dashes.setStrokeWidth(1.5);
        dashes.getStrokeDashArray().setAll(4.0, 3.0);
        return dashes;
    }

    /** Repaints with the theme's new colours. */
    void repaint() {
        chart.repaint();
        LegendContent content = shownLegend;
        shownLegend = LegendContent.NONE;
        showLegend(content);
    }

    ChartCanvas chart() {
        return chart;
    }
}
