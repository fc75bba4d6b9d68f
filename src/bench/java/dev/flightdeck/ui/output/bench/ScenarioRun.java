package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Measurement;
import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One approach through one scenario in a real window: build it, start the heartbeat and the producer, wait until
 * the last line is visible or the limit passes, then read the gaps and the heap the view holds.
 */
final class ScenarioRun {

    private static final Duration FX_LIMIT = Duration.ofSeconds(120);
    /** The console's place in the wizard: a full-width pane under the step card, about 20 rows high. */
    private static final double WIDTH = 1200;

    private static final double HEIGHT = 440;
    /** Stalls right after the last line appears (the final layout, a GC) still count. */
    private static final long SETTLE_MILLIS = 150;

    private final BenchLines source;

    ScenarioRun(BenchLines source) {
        this.source = source;
    }

    Measurement run(Supplier<ConsoleUnderTest> approach, Scenario scenario, Duration limit) throws Exception {
        long heapBefore = usedHeapAfterGc();
        Stage stage = new StageHolder().open(approach);
        ConsoleUnderTest console = (ConsoleUnderTest) stage.getUserData();
        Thread.sleep(300);
        String last = scenario.lines() == 0 ? null : scenario.lastText(source);
        Heartbeat heartbeat = Heartbeat.start(() -> last != null && console.showsLast(last));
        Thread producer = new Thread(() -> scenario.feed(source, console), "flightdeck-bench-producer");
        producer.start();
        while (heartbeat.visibleAfterNanos() < 0 && heartbeat.runningNanos() < limit.toNanos()) {
            Thread.sleep(5);
        }
        if (heartbeat.visibleAfterNanos() >= 0) {
            Thread.sleep(SETTLE_MILLIS);
        }
        long measuredFor = heartbeat.runningNanos();
        Heartbeat.Gaps gaps = heartbeat.stop();
        long visibleAfter = heartbeat.visibleAfterNanos();
        long shown = console.linesShown();
        console.cancel();
        producer.interrupt();
        producer.join();
        Fx.call(() -> null, FX_LIMIT);
        long heap = usedHeapAfterGc() - heapBefore;
        Fx.call(
                () -> {
                    stage.close();
                    return null;
                },
                FX_LIMIT);
        return new Measurement(
                console.name(),
                scenario.label(),
                console.role(),
                gaps.worst(),
                gaps.p99(),
                visibleAfter < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(visibleAfter)),
                Duration.ofNanos(measuredFor),
                scenario.lines(),
                shown,
                Math.max(0, heap));
    }

    /**
     * The same window with no output for {@code length}: the stalls the machine causes by itself (other processes,
     * GC, the renderer), so a loaded machine shows as such instead of being blamed on the console.
     */
    Measurement idle(Duration length) throws Exception {
        Measurement idle = run(FlightdeckUnderTest::new, Scenario.idle(length), length);
        return new Measurement(
                "idle console, no output (machine baseline)",
                idle.scenario(),
                Role.REFERENCE,
                idle.worstStall(),
                idle.p99Wait(),
                Optional.empty(),
                idle.measuredFor(),
                0,
                0,
                idle.heapBytes());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Builds the approach and its window on the FX thread. */
    private static final class StageHolder {
        Stage open(Supplier<ConsoleUnderTest> approach) throws Exception {
            return Fx.call(
                    () -> {
                        ConsoleUnderTest console = approach.get();
                        Stage stage = new Stage();
                        stage.setTitle("Flightdeck bench: " + console.name());
                        stage.setScene(new Scene(console.view(), WIDTH, HEIGHT));
                        stage.setUserData(console);
                        stage.show();
                        return stage;
                    },
                    FX_LIMIT);
        }
    }
}
