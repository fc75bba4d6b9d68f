package dev.flightdeck.ui.output.bench;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.app.cli.ConsoleBench;
import dev.flightdeck.app.cli.ConsoleBench.Measurement;
import dev.flightdeck.app.cli.ConsoleBench.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * The JavaFX half of {@code flightdeck bench console}: every approach through the flood and the steady rate, in
 * one JVM and one run, after a warm-up so the first approach does not pay for the JIT.
 */
public final class ConsoleBenchHarness implements ConsoleBench.Harness {

    private record Approach(Supplier<ConsoleUnderTest> factory, boolean naive) {}

    private static final List<Approach> APPROACHES = List.of(
            new Approach(FlightdeckUnderTest::new, false),
            new Approach(ListViewPerBurst::new, false),
            new Approach(ListViewPerPulseCapped::new, false),
            new Approach(TextAreaPerPulse::new, false),
            new Approach(TextAreaPerLine::new, true));

    @Override
    public List<Measurement> run(Settings settings, Consumer<String> progress) throws Exception {
        boolean startedHere = Fx.startIfNeeded();
        try {
            Fx.call(
                    () -> {
                        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                        return null;
                    },
                    Duration.ofSeconds(30));
            List<Scenario> scenarios = List.of(
                    Scenario.flood(settings.floodLines()),
                    Scenario.steady(settings.steadyRate(), settings.steadyFor()));
            ScenarioRun runner = new ScenarioRun(new BenchLines(
                    scenarios.stream().mapToInt(Scenario::lines).max().orElseThrow()));
            progress.accept("warming up ...");
            runner.run(
                    FlightdeckUnderTest::new,
                    Scenario.flood(Math.min(20_000, settings.floodLines())),
                    settings.limit());
            List<Measurement> measurements = new ArrayList<>();
            measurements.add(runner.idle(settings.steadyFor()));
            for (Scenario scenario : scenarios) {
                for (Approach approach : APPROACHES) {
                    Duration limit = approach.naive() ? settings.naiveLimit() : settings.limit();
                    Measurement measurement = runner.run(approach.factory(), scenario, limit);
                    progress.accept(String.format(
                            "%-48s %-22s worst %,8.1f ms  p99 %,8.1f ms  %s",
                            measurement.approach(),
                            measurement.scenario(),
                            measurement.worstStall().toNanos() / 1e6,
                            measurement.p99Wait().toNanos() / 1e6,
                            measurement
                                    .untilVisible()
                                    .map(d -> "visible after " + d.toMillis() + " ms")
                                    .orElse("not finished")));
                    measurements.add(measurement);
                }
            }
            return measurements;
        } finally {
            if (startedHere) {
                Platform.exit();
            }
        }
    }
}
