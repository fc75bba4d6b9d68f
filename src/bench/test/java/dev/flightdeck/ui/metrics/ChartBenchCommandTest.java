package dev.flightdeck.ui.metrics;

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
 * {@code flightdeck bench chart} end to end on a small load: the command line builds the JavaFX half, both
 * approaches run at both history lengths, and the table and the goal are printed. (The figures are judged by the
 * bench itself on a real display, not here.)
 */
class ChartBenchCommandTest {

    @TempDir
    Path home;

    @Test
    void theBenchRunsThePanelAndTheLineChartAtOneAndFourHoursAndPrintsTheTableAndTheGoal() throws Exception {
        FxToolkit.registerPrimaryStage();
        StringWriter out = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of());

        int exit = BenchLauncher.commandLine(
                        context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("bench", "chart", "--series", "4", "--updates", "2");

        String table = out.toString();
        assertThat(exit).isEqualTo(Cli.OK);
        assertThat(table)
                .contains("APPROACH", "HISTORY", "REDRAW P50", "WORST STALL", "REDRAW×REF")
                .containsPattern("\\* JavaFX LineChart \\(every point\\) +1 h +14,40\\d")
                .containsPattern("\\* JavaFX LineChart \\(every point\\) +4 h +57,60\\d")
                .contains("goal Flightdeck redraw <= 16 ms at every history, and flat (4 h / 1 h = ");
        assertThat(table.lines()
                        .filter(line ->
                                line.startsWith("Flightdeck panel (canvas, decimated)") && !line.contains("redraw p50"))
                        .count())
                .as("the panel in the table once per history length")
                .isEqualTo(2);
    }
}
