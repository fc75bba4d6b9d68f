package dev.flightdeck.app.cli;

import dev.flightdeck.app.Launcher;
import dev.flightdeck.home.AppContext;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Main class of the bench build ({@code ./mvnw -Pbench package} makes {@code target/flightdeck-bench.jar}): the
 * product's command line and console, plus {@code flightdeck bench …}. The product jar has no benchmarks.
 */
public final class BenchLauncher {

    private BenchLauncher() {}

    public static void main(String[] args) {
        Launcher.launch(args, BenchLauncher::withBench);
    }

    /** The product's command line with {@code bench}, writing to the given streams (for tests). */
    public static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err) {
        // out and err after the subcommand: picocli hands them only to subcommands present when they are set
        return withBench(Cli.commandLine(context)).setOut(out).setErr(err);
    }

    /** The product's command line with {@code bench} added. */
    public static CommandLine withBench(CommandLine commandLine) {
        return commandLine.addSubcommand("bench", BenchCommand.class);
    }
}
