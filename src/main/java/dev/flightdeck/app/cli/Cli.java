package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** Builds the command line; commands that need the context take it in their constructor. */
public final class Cli {

    /** Exit codes shared by every command. */
    public static final int OK = 0;

    public static final int PROBLEM = 1;
    public static final int USAGE = 2;
    /** Not a process exit code: the command opened the console, which keeps the process alive until it is closed. */
    public static final int CONSOLE_OPENED = -1;

    private Cli() {}

    public static int execute(AppContext context, String[] args) {
        return execute(context, args, UnaryOperator.identity());
    }

    /** With commands added by a build that is not the product's (the bench build adds {@code bench}, see src/bench). */
    public static int execute(AppContext context, String[] args, UnaryOperator<CommandLine> extension) {
        Charset charset = TerminalText.standardOutputCharset();
        // out and err after the extension: picocli hands them only to subcommands present when they are set;
        // everything printed passes the journal's redactor, then the terminal's marker fallback
        return extension
                .apply(commandLine(context))
                .setOut(RedactingWriter.around(TerminalText.printWriter(System.out, charset)))
                .setErr(RedactingWriter.around(TerminalText.printWriter(System.err, charset)))
                .execute(args);
    }

    /** For tests: the same command line, writing to the given streams. */
    public static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context).setOut(RedactingWriter.around(out)).setErr(RedactingWriter.around(err));
    }

    static CommandLine commandLine(AppContext context) {
        // picocli already exits with 2 (USAGE) on invalid input
        CommandLine commandLine = new CommandLine(new FlightdeckCommand(), new ContextFactory(context));
        // everything printed passes the journal's redactor (a step's label may hold PGPASSWORD=… as written)
        commandLine.setOut(RedactingWriter.around(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true)));
        commandLine.setErr(RedactingWriter.around(
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> failed(exception, cmd.getErr()));
        return commandLine;
    }

    /** How a command that failed says so: one line, no stack trace; {@link #PROBLEM}. */
    public static int failed(Exception exception, PrintWriter err) {
        err.println("flightdeck: " + exception.getMessage());
        return PROBLEM;
    }

    /** Constructs commands with {@code (AppContext)} when they have such a constructor, else with none. */
    private record ContextFactory(AppContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(AppContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
