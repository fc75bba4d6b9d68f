package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.app.cli.ChartBench;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.metrics.ChartRange;
import dev.flightdeck.ui.metrics.MetricsPanel;
import dev.flightdeck.ui.metrics.PanelFrame;
import java.time.ZoneOffset;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/** Flightdeck's panel showing the whole window: decimated off the FX thread, painted on canvases. */
final class PanelUnderTest implements ChartUnderTest {

    private final BenchHistory history;
    private MetricsPanel panel;
    private volatile PanelFrame next;

    PanelUnderTest(BenchHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "Flightdeck panel (canvas, decimated)";
    }

    @Override
    public ChartBench.Role role() {
        return ChartBench.Role.FLIGHTDECK;
    }

    @Override
    public Parent build() {
        panel = MetricsPanel.build(
                history.engine,
                "bench",
                new SimpleBooleanProperty(false),
                history.clock,
                ZoneOffset.UTC,
                Platform::runLater,
                ConsoleViews::metricsPanel);
        panel.viewModel().rangeProperty().set(ChartRange.WHOLE_WINDOW);
        return panel.view();
    }

    @Override
    public long prepare() {
        long started = System.nanoTime();
        next = panel.sampleNow();
        return System.nanoTime() - started;
    }

    @Override
    public void redraw() {
        panel.viewModel().accept(next);
    }

    @Override
    public long points() {
        PanelFrame frame = next;
        return frame == null
                ? 0
                : frame.families().stream()
                        .flatMap(family -> family.chart().stream())
                        .mapToLong(chart -> chart.points())
                        .sum();
    }

    void close() {
        panel.close();
    }
}
