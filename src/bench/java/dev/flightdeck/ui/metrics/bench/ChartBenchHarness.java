package dev.flightdeck.ui.metrics.bench;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.app.cli.ChartBench;
import dev.flightdeck.app.cli.ChartBench.Measurement;
import dev.flightdeck.ui.output.bench.Fx;
import dev.flightdeck.ui.output.bench.Heartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX half of {@code flightdeck bench chart}: for each history length, one real engine filled with 1 s
 * samples, shown by the JavaFX LineChart and by Flightdeck's panel in a real window, each taking the same updates
 * (one new sample per series) while a heartbeat watches the FX thread.
 */
public final class ChartBenchHarness implements ChartBench.Harness {

    private static final Duration FX_LIMIT = Duration.ofMinutes(3);
    private static final long BETWEEN_UPDATES_MILLIS = 100;

    @Override
    public List<Measurement> run(ChartBench.Settings settings, Consumer<String> progress) throws Exception {
        boolean startedHere = Fx.startIfNeeded();
        try {
            Fx.call(
                    () -> {
                        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                        return null;
                    },
                    FX_LIMIT);
            progress.accept("warming up ...");
            BenchHistory warmUp = BenchHistory.filled(settings.series(), 1);
            if (settings.reference()) {
                measure(new LineChartUnderTest(warmUp), warmUp, 3, 0);
            }
            // the panel's code paths are short: give the JIT enough rounds that it is not compiling during the first
            // measurement
            measure(new PanelUnderTest(warmUp), warmUp, 3 * settings.updates(), 0);
            List<Measurement> measurements = new ArrayList<>();
            for (int hours : settings.hours()) {
                BenchHistory history = BenchHistory.filled(settings.series(), hours);
                List<Function<BenchHistory, ChartUnderTest>> approaches = new ArrayList<>(List.of(PanelUnderTest::new));
                if (settings.reference()) {
                    approaches.add(LineChartUnderTest::new);
                }
                for (Function<BenchHistory, ChartUnderTest> approach : approaches) {
                    Measurement measurement = measure(approach.apply(history), history, settings.updates(), hours);
                    progress.accept(String.format(
                            Locale.ROOT,
                            "%-36s %d h  redraw p50 %7.1f ms  max %7.1f ms  worst stall %7.1f ms",
                            measurement.approach(),
                            hours,
                            measurement.redrawMedian().toNanos() / 1e6,
                            measurement.redrawWorst().toNanos() / 1e6,
                            measurement.worstStall().toNanos() / 1e6));
                    measurements.add(measurement);
                }
                history.engine.close();
            }
            return measurements;
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
    }

    private static Measurement measure(ChartUnderTest chart, BenchHistory history, int updates, int hours)
            throws Exception {
        Stage stage = Fx.call(Stage::new, FX_LIMIT);
        long firstRender = Fx.call(
                () -> {
                    long started = System.nanoTime();
                    Parent root = chart.build();
                    stage.setScene(new Scene(root, 460, 1000));
                    stage.show();
                    layOut(stage);
                    return System.nanoTime() - started;
                },
                FX_LIMIT);
        chart.prepare();
        firstRender += redraw(chart, stage);
        // the previous approach's garbage (700,000 chart points) must not be collected during this one's measurement
        System.gc();
        Thread.sleep(300);
        ThreadCpu cpu = ThreadCpu.ofFxAndRenderer();
        Heartbeat heartbeat = Heartbeat.start(() -> false);
        long[] redraws = new long[updates];
        long[] offFx = new long[updates];
        for (int update = 0; update < updates; update++) {
            history.appendSecond();
            offFx[update] = chart.prepare();
            redraws[update] = redraw(chart, stage);
            Thread.sleep(BETWEEN_UPDATES_MILLIS);
        }
        Heartbeat.Gaps gaps = heartbeat.stop();
        ThreadCpu.Used used = cpu.used();
        long points = chart.points();
        Fx.call(
                () -> {
                    stage.close();
                    return null;
                },
                FX_LIMIT);
        if (chart instanceof PanelUnderTest panel) {
            panel.close();
        }
        Arrays.sort(redraws);
        Arrays.sort(offFx);
        Optional<Duration> prepared = chart.role() == ChartBench.Role.FLIGHTDECK
                ? Optional.of(Duration.ofNanos(offFx[updates / 2]))
                : Optional.empty();
        return new Measurement(
                chart.name(),
                hours,
                chart.role(),
                points,
                Duration.ofNanos(firstRender),
                Duration.ofNanos(redraws[updates / 2]),
                Duration.ofNanos(redraws[updates - 1]),
                prepared,
                gaps.worst(),
                gaps.p99(),
                Duration.ofNanos(used.fx() / updates),
                Duration.ofNanos(used.renderer() / updates));
    }

    /**
     * The FX-thread time of one update: the update itself, then the CSS and layout pass of the pulse that follows it
     * (where LineChart rebuilds its paths), timed by the scene's own pulse listeners. That pass handles only what the
     * update made dirty, as in the console; calling {@code applyCss()} on the root instead forces every node's styles
     * to be recomputed, which no pulse does (it was most of the panel's figure at 200 series).
     */
    private static long redraw(ChartUnderTest chart, Stage stage) throws Exception {
        Scene scene = stage.getScene();
        CompletableFuture<Long> pass = new CompletableFuture<>();
        long[] passStarted = new long[1];
        Runnable before = () -> passStarted[0] = System.nanoTime();
        Runnable after = new Runnable() {
            @Override
            public void run() {
                pass.complete(System.nanoTime() - passStarted[0]);
                scene.removePreLayoutPulseListener(before);
                scene.removePostLayoutPulseListener(this);
            }
        };
        long update = Fx.call(
                () -> {
                    scene.addPreLayoutPulseListener(before);
                    scene.addPostLayoutPulseListener(after);
                    long started = System.nanoTime();
                    chart.redraw();
                    long took = System.nanoTime() - started;
                    Platform.requestNextPulse();
                    return took;
                },
                FX_LIMIT);
        return update + pass.get(FX_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void layOut(Stage stage) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        root.layout();
    }
}
