package dev.flightdeck.ui.output.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.BenchLauncher;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code flightdeck bench console} end to end on a small load: the command line builds the JavaFX half
 * and prints every approach in both scenarios with ratios and the goals. (The figures are judged by the bench
 * itself on a real display, not here.)
 */
class ConsoleBenchCommandTest {

    @TempDir
    Path home;

    @Test
    void theBenchMeasuresEveryApproachInBothScenariosAndPrintsTheTableAndGoals() throws Exception {
        FxToolkit.registerPrimaryStage();
        StringWriter out = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of());

        int exit = BenchLauncher.commandLine(
                        context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute(
                        "bench",
                        "console",
                        "--lines",
                        "3000",
                        "--rate",
                        "2000",
                        "--seconds",
                        "1",
                        "--naive-limit",
                        "1",
                        "--limit",
                        "20");

        String table = out.toString();
        assertThat(exit).isEqualTo(Cli.OK);
        assertThat(table)
                .contains("APPROACH", "WORST STALL", "P99 WAIT", "STALL×REF", "idle console, no output")
                .contains("* ListView, runLater per batch", "TextArea, runLater + appendText per line")
                .contains("goal Flightdeck console (budgeted drain, 50k cap), flood 3,000 lines: worst < 100 ms ->")
                .contains(
                        "goal Flightdeck console (budgeted drain, 50k cap), 2,000 lines/s × 1 s: worst < 50 ms, p99 < 20 ms ->");
        assertThat(table.lines()
                        .filter(line -> line.startsWith("Flightdeck console") && line.contains(" MB "))
                        .count())
                .as("Flightdeck's console in the table, once per scenario")
                .isEqualTo(2);
    }
}
