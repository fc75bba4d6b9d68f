package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.app.cli.ChartBench;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.ui.metrics.SignalFamily;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;

/**
 * The reference: one JavaFX {@code LineChart} per family with every sample of every series as a data point (no
 * animation, no symbols, the usual settings for live data), sliding: each update adds the new point and drops the
 * oldest, so the history length stays the same.
 */
final class LineChartUnderTest implements ChartUnderTest {

    private final BenchHistory history;
    private final List<RingSeries> sources = new ArrayList<>();
    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();
    private final List<XYChart.Data<Number, Number>> pending = new ArrayList<>();

    LineChartUnderTest(BenchHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "JavaFX LineChart (every point)";
    }

    @Override
    public ChartBench.Role role() {
        return ChartBench.Role.REFERENCE;
    }

    @Override
    public Parent build() {
        VBox charts = new VBox(8);
        charts.setPrefWidth(440);
        for (SignalFamily family : SignalFamily.values()) {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setTitle(family.title());
            chart.setPrefHeight(200);
            for (RingSeries source : history.engine.store().all()) {
                if (family.charts(source.id().signal())) {
                    chart.getData().add(toSeries(source));
                }
            }
            charts.getChildren().add(chart);
        }
        return charts;
    }

    private XYChart.Series<Number, Number> toSeries(RingSeries source) {
        SeriesSnapshot samples = source.snapshot();
        ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
        for (int index = 0; index < samples.size(); index++) {
            points.add(new XYChart.Data<>(samples.timeAt(index) / 1000.0, samples.valueAt(index)));
        }
        XYChart.Series<Number, Number> chartSeries =
                new XYChart.Series<>(source.id().toString(), points);
        sources.add(source);
        series.add(chartSeries);
        return chartSeries;
    }

    @Override
    public long prepare() {
        long started = System.nanoTime();
        pending.clear();
        for (RingSeries source : sources) {
            SeriesSnapshot last = source.last(1);
            pending.add(new XYChart.Data<>(last.timeAt(0) / 1000.0, last.valueAt(0)));
        }
        return System.nanoTime() - started;
    }

    @Override
    public void redraw() {
        for (int index = 0; index < series.size(); index++) {
            ObservableList<XYChart.Data<Number, Number>> data =
                    series.get(index).getData();
            data.add(pending.get(index));
            data.remove(0);
        }
    }

    @Override
    public long points() {
        return series.stream()
                .mapToLong(chartSeries -> chartSeries.getData().size())
                .sum();
    }
}
