package dev.flightdeck.ui.output.bench;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.app.cli.ConsoleBench.Measurement;
import java.time.Duration;
import javafx.application.Application;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The acceptance check for the console (headless, Monocle): a flood from a background thread while a
 * 5 ms heartbeat watches the FX thread. What must hold on any machine is asserted: every line reaches the screen or
 * is counted as dropped, and the last one is shown. How fast (the FX thread's worst stall, keeping up with the producer)
 * is a performance goal, judged by {@code flightdeck bench console} against its reference in the same run: on a loaded
 * machine a timed bound in a test fails for the machine, not for the console. The figures are printed.
 */
class ConsoleFloodTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.call(
                () -> {
                    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                    return null;
                },
                LIMIT);
        // the first console in a JVM runs interpreted; measure a compiled one, as an operator's would be
        new ScenarioRun(new BenchLines(20_000)).run(FlightdeckUnderTest::new, Scenario.flood(20_000), LIMIT);
    }

    @Test
    void aHundredThousandLinesAtFullSpeedReachTheScreen() throws Exception {
        Scenario flood = Scenario.flood(100_000);
        ScenarioRun runner = new ScenarioRun(new BenchLines(flood.lines()));

        Measurement measurement = runner.run(FlightdeckUnderTest::new, flood, LIMIT);

        print(measurement);
        assertThat(measurement.untilVisible())
                .as("the last of 100,000 lines is on screen")
                .isPresent();
        assertThat(measurement.linesShown())
                .as("lines shown or counted as dropped")
                .isEqualTo(100_000);
        print(runner.idle(Duration.ofSeconds(2)));
    }

    @Test
    void tenThousandLinesPerSecondAllReachTheScreen() throws Exception {
        Scenario steady = Scenario.steady(10_000, Duration.ofSeconds(3));
        ScenarioRun runner = new ScenarioRun(new BenchLines(steady.lines()));

        Measurement measurement = runner.run(FlightdeckUnderTest::new, steady, LIMIT);

        print(measurement);
        assertThat(measurement.untilVisible()).as("the last line is on screen").isPresent();
        print(runner.idle(Duration.ofSeconds(2)));
    }

    private static void print(Measurement measurement) {
        long visibleNanos = measurement
                .untilVisible()
                .map(Duration::toNanos)
                .orElse(measurement.measuredFor().toNanos());
        System.out.printf(
                "console %s (%s): worst stall %.1f ms, p99 wait %.1f ms, all visible after %.1f ms, %,d lines/s, heap %d MB%n",
                measurement.scenario(),
                measurement.approach(),
                measurement.worstStall().toNanos() / 1e6,
                measurement.p99Wait().toNanos() / 1e6,
                visibleNanos / 1e6,
                Math.round(measurement.linesShown() * 1e9 / visibleNanos),
                measurement.heapBytes() >> 20);
    }
}
