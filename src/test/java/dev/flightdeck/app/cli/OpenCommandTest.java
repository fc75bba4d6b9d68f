package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `open` and the entry point without arguments take the same path to the console: one answer for a missing file. */
class OpenCommandTest {

    @TempDir
    Path home;

    @Test
    void aMissingRunbookIsAUsageErrorTheSameWayFromTheCommandAndFromTheEntryPoint() {
        Path missing = home.resolve("nowhere.runbook.yaml");

        CliRun command = CliRun.run(home, "open", missing.toString());
        StringWriter direct = new StringWriter();
        int code = OpenCommand.open(
                new AppContext(new FlightdeckHome(home), Map.of()),
                Optional.of(missing),
                new PrintWriter(direct, true));

        assertThat(command.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(direct.toString()).isEqualTo("flightdeck: " + missing + ": no such file" + System.lineSeparator());
        assertThat(command.err()).contains("flightdeck: " + missing + ": no such file");
    }
}
