package dev.flightdeck.app.cli;

import dev.flightdeck.app.AppContext;
import dev.flightdeck.app.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of(FlightdeckHome.VARIABLE, home.toString()));
        int exitCode = Cli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
