package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.app.cli.ChartBench;
import javafx.scene.Parent;

/** One way of charting the same engine's series, driven the same way by the bench. */
interface ChartUnderTest {

    String name();

    ChartBench.Role role();

    /** Builds the view on the FX thread from the history as it is now. */
    Parent build();

    /** Off the FX thread, after a new sample per series: what the next redraw needs; returns the nanoseconds it took. */
    long prepare();

    /** On the FX thread: shows the new samples. */
    void redraw();

    /** Points the FX thread holds for one redraw. */
    long points();
}
