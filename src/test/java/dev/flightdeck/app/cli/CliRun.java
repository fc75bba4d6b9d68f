package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path home, String... args) {
        return runWith(home, Map.of(), args);
    }

    /** With more environment, e.g. {@code HOME} for a test's own {@code ~/.ssh}. */
    public static CliRun runWith(Path home, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put(FlightdeckHome.VARIABLE, home.toString());
        AppContext context = new AppContext(new FlightdeckHome(home), all);
        int exitCode = Cli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
