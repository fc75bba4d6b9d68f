package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path home, String... args) {
        return runWith(home, Map.of(), args);
    }

    /** With more environment, e.g. {@code HOME} for a test's own {@code ~/.ssh}. */
    public static CliRun runWith(Path home, Map<String, String> environment, String... args) {
        return runWith(home, environment, UnaryOperator.identity(), args);
    }

    /** With commands added to the command line, as the bench build adds {@code bench}. */
    public static CliRun runWith(
            Path home, Map<String, String> environment, UnaryOperator<CommandLine> extension, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> all = new HashMap<>(environment);
        all.put(FlightdeckHome.VARIABLE, home.toString());
        AppContext context = new AppContext(new FlightdeckHome(home), all);
        // out and err after the extension: picocli hands them only to subcommands present when they are set;
        // redacted as the terminal is (Cli.execute)
        int exitCode = extension
                .apply(Cli.commandLine(context))
                .setOut(RedactingWriter.around(new PrintWriter(out, true)))
                .setErr(RedactingWriter.around(new PrintWriter(err, true)))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
