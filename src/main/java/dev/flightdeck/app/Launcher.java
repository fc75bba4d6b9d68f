package dev.flightdeck.app;

import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.app.cli.OpenCommand;
import dev.flightdeck.home.AppContext;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * The one way in. No argument opens the console; any argument runs the command line headless, without ever loading
 * JavaFX. (A main class that extends {@code Application} could not start from a plain jar.)
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        launch(args, UnaryOperator.identity());
    }

    /** The same start with commands added to the command line: the bench build's main adds {@code bench}. */
    public static void launch(String[] args, UnaryOperator<CommandLine> extension) {
        AppContext context = AppContext.fromProcess();
        // no argument: the console straight away, as `open` would, without building the command line first
        int code = args.length == 0 ? openConsole(context) : Cli.execute(context, args, extension);
        if (code != Cli.CONSOLE_OPENED) {
            System.exit(code);
        }
    }

    private static int openConsole(AppContext context) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return OpenCommand.open(context, Optional.empty(), err);
        } catch (RuntimeException e) { // no display, for one: said as the command line says a failure
            return Cli.failed(e, err);
        }
    }
}
