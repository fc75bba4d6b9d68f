package dev.flightdeck.ui.metrics;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.output.OutputPaneView;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Looks at the panel as an operator would (under Xvfb for the screenshot in docs/metrics-panel.png): the wizard of a
 * real session with the panel beside it, on a real engine reading a loopback application. The hour before the
 * session, and the host and database figures no loopback source produces, are drawn from a plausible random walk
 * recorded into the same engine. After {@code args[0]} seconds (default 25) one request in ten starts failing;
 * {@code args[1] = collapsed} starts with the panel folded away; {@code args[2] = dark} uses the dark theme.
 */
public final class PanelDemo {

    private PanelDemo() {}

    public static void main(String[] args) throws Exception {
        long failAfter = args.length > 0 ? Long.parseLong(args[0]) : 25;
        LiveInstruments live = new LiveInstruments(Duration.ofSeconds(90), Duration.ofSeconds(1));
        ScheduledExecutorService demo = Executors.newSingleThreadScheduledExecutor();
        SyntheticHistory history = new SyntheticHistory(live.engine);
        history.fillHour(System.currentTimeMillis() - 2_000);
        live.engine.captureBaselines(Duration.ofMinutes(10));
        live.start();
        demo.scheduleAtFixedRate(() -> history.tick(System.currentTimeMillis()), 1, 1, TimeUnit.SECONDS);
        demo.schedule(live::failTenPercent, failAfter, TimeUnit.SECONDS);
        Path journal = Files.createTempDirectory("panel-demo").resolve("journal");
        Platform.startup(() -> {
            boolean dark = args.length > 2 && args[2].equals("dark");
            Application.setUserAgentStylesheet((dark ? new PrimerDark() : new PrimerLight()).getUserAgentStylesheet());
            var session = WizardTestSessions.confirmOnly(journal);
            WizardViewModel wizard = new WizardViewModel(
                    session, Executors.newSingleThreadExecutor(), Platform::runLater, Clock.systemDefaultZone());
            MetricsPanel panel = MetricsPanel.create(
                    live.engine,
                    session.operator(),
                    new SimpleBooleanProperty(true),
                    Clock.systemUTC(),
                    ZoneId.systemDefault(),
                    Platform::runLater,
                    ConsoleViews::metricsPanel);
            panel.viewModel().collapsedProperty().set(args.length > 1 && args[1].equals("collapsed"));
            Scene scene = new Scene(ConsoleViews.wizard(wizard, new OutputPaneView(), panel.view(), null), 1440, 900);
            scene.getStylesheets()
                    .add(PanelDemo.class.getResource("/styles/flightdeck.css").toExternalForm());
            scene.getStylesheets()
                    .add(PanelDemo.class.getResource("/styles/console.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.setTitle("Flightdeck — metrics panel demo");
            stage.show();
        });
    }

    /** A plausible hour of history, continued every second, for the series a loopback application cannot produce. */
    static final class SyntheticHistory {
        private final MetricsEngine engine;
        private final Random random = new Random(7);
        private double cpu = 35;
        private double memory = 61;
        private double connections = 42;

        SyntheticHistory(MetricsEngine engine) {
            this.engine = engine;
        }

        void fillHour(long end) {
            for (long time = end - 3_600_000; time < end; time += 1000) {
                tick(time);
                if (time % 15_000 < 1000) {
                    engine.record(
                            new SeriesId("web-metrics", "error_rate"),
                            time,
                            Math.max(0, 0.12 + random.nextGaussian() * 0.08));
                    engine.record(
                            new SeriesId("web-metrics", "request_rate"), time, 1900 + random.nextGaussian() * 120);
                    engine.record(new SeriesId("web-metrics", "latency_p50"), time, 38 + random.nextGaussian() * 3);
                    engine.record(new SeriesId("web-metrics", "latency_p95"), time, 72 + random.nextGaussian() * 6);
                    engine.record(new SeriesId("web-metrics", "latency_p99"), time, 96 + random.nextGaussian() * 9);
                }
                if (time % 5000 < 1000) {
                    engine.record(new SeriesId("web-health", "health"), time, 1);
                    engine.record(new SeriesId("web-health", "health_latency"), time, 4 + random.nextGaussian());
                }
            }
        }

        void tick(long time) {
            cpu = walk(cpu, 20, 80, 2);
            memory = walk(memory, 55, 70, 0.3);
            connections = walk(connections, 30, 60, 1.5);
            engine.record(new SeriesId("app-1", "cpu"), time, cpu);
            engine.record(new SeriesId("app-1", "memory"), time, memory);
            engine.record(new SeriesId("app-1", "disk"), time, 48.2);
            engine.record(new SeriesId("healthcare", "db_connection"), time, 1);
            engine.record(new SeriesId("healthcare", "db_connections"), time, Math.round(connections));
            engine.record(new SeriesId("healthcare", "db_transactions"), time, 120 + random.nextGaussian() * 15);
        }

        private double walk(double value, double low, double high, double step) {
            return Math.max(low, Math.min(high, value + random.nextGaussian() * step));
        }
    }
}
