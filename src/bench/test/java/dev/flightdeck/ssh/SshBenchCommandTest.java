package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.BenchLauncher;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck bench ssh} runs end to end against its own sshd (tiny sizes: this checks it works, not its speed). */
@RequiresTool("sshd")
class SshBenchCommandTest {

    @Test
    void benchPrintsRoundTripAndFanOutRowsWithRatios(@TempDir Path home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of());

        int exit = BenchLauncher.commandLine(context, new PrintWriter(out), new PrintWriter(err))
                .execute("bench", "ssh", "--runs", "1", "--hosts", "3");

        assertThat(exit).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString())
                .contains("ssh CLI, new connection per command (reference)")
                .contains("Flightdeck, reused session")
                .contains("fan-out, sequential (reference)")
                .contains("fan-out, parallel: 10");
    }
}
