package dev.flightdeck.ui.metrics;

import dev.flightdeck.home.Settings;
import dev.flightdeck.metrics.MetricsEngine;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/**
 * The live instruments beside the wizard, wired in one place: the sampler reads the engine on the panel's own
 * thread, the refresher hands finished frames to the FX thread, the view model holds the banner and the zoom.
 * {@code SessionWindow} creates one when a session's wizard opens and closes it with the session (it stops its thread);
 * the view around the panel's controller is loaded by the one who knows every view ({@code ConsoleViews}), handed in as
 * {@code views}.
 */
public final class MetricsPanel implements AutoCloseable {

    /** Settings key of the alarm sound: {@code on} (default) or {@code off}. */
    public static final String SOUND_SETTING = "alarm-sound";

    private final MetricsPanelViewModel viewModel;
    private final PanelSampler sampler;
    private final PanelRefresher refresher;
    private final Parent view;
    private final MetricsPanelController controller;

    private MetricsPanel(
            MetricsPanelViewModel viewModel,
            PanelSampler sampler,
            PanelRefresher refresher,
            ChartPalette palette,
            Function<MetricsPanelController, Parent> views) {
        this.viewModel = viewModel;
        this.sampler = sampler;
        this.refresher = refresher;
        this.controller = new MetricsPanelController(viewModel, palette);
        this.view = views.apply(controller);
        view.getStylesheets()
                .add(MetricsPanel.class.getResource("/styles/metrics.css").toExternalForm());
    }

    /** A panel on the engine of a live session; the sound setting is read from and saved to {@code settings}. Call on the FX thread. */
    public static MetricsPanel create(
            MetricsEngine engine, String operator, Settings settings, Function<MetricsPanelController, Parent> views) {
        BooleanProperty soundOn = new SimpleBooleanProperty(
                !"off".equals(settings.get(SOUND_SETTING).orElse("on")));
        // the settings file is written off the FX thread
        soundOn.addListener((observable, was, on) ->
                CompletableFuture.runAsync(() -> settings.put(SOUND_SETTING, on ? "on" : "off")));
        return create(engine, operator, soundOn, Clock.systemUTC(), ZoneId.systemDefault(), Platform::runLater, views);
    }

    /** The same with every collaborator given (tests). */
    public static MetricsPanel create(
            MetricsEngine engine,
            String operator,
            BooleanProperty soundOn,
            Clock clock,
            ZoneId zone,
            Executor fxThread,
            Function<MetricsPanelController, Parent> views) {
        MetricsPanel panel = build(engine, operator, soundOn, clock, zone, fxThread, views);
        panel.refresher.start();
        return panel;
    }

    /** A panel that does not refresh by itself until {@link #start()}: the bench drives it with {@link #sampleNow()}. */
    public static MetricsPanel build(
            MetricsEngine engine,
            String operator,
            BooleanProperty soundOn,
            Clock clock,
            ZoneId zone,
            Executor fxThread,
            Function<MetricsPanelController, Parent> views) {
        MetricsPanelViewModel viewModel =
                new MetricsPanelViewModel(engine.triggers(), operator, clock, new AlarmSound(), soundOn);
        PanelSampler sampler = new PanelSampler(engine, clock, zone);
        PanelRefresher refresher = new PanelRefresher(
                sampler::sample,
                new PanelRequest(ChartRange.WHOLE_WINDOW, 360, PanelRequest.DEFAULT_CHART_HEIGHT),
                fxThread,
                viewModel::accept);
        viewModel.connect(refresher);
        return new MetricsPanel(viewModel, sampler, refresher, new ChartPalette(), views);
    }

    /** Starts the once-a-second refresh. */
    public void start() {
        refresher.start();
    }

    /** Builds a frame for what the view shows now, on the calling thread (a background one); hand it to {@code viewModel().accept}. */
    public PanelFrame sampleNow() {
        return sampler.sample(refresher.currentRequest());
    }

    public Parent view() {
        return view;
    }

    public MetricsPanelViewModel viewModel() {
        return viewModel;
    }

    /** The chart of one family as shown now (tests and the bench inspect what the FX thread was handed). */
    public Optional<ChartCanvas> chart(SignalFamily family) {
        return Optional.ofNullable(controller.family(family)).map(FamilyView::chart);
    }

    @Override
    public void close() {
        refresher.close();
    }
}
