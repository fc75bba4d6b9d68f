package dev.flightdeck.app;

import dev.flightdeck.app.cli.Cli;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * Entry point. No argument opens the console; any argument runs the command line headless, without
 * ever loading JavaFX. (A main class that extends {@code Application} could not start from a plain jar.)
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        launch(args, UnaryOperator.identity());
    }

    /** The same start with commands added to the command line: the bench build's main adds {@code bench}. */
    public static void launch(String[] args, UnaryOperator<CommandLine> extension) {
        AppContext context = AppContext.fromProcess();
        if (args.length == 0) {
            dev.flightdeck.ui.ConsoleLauncher.launch(context);
            return;
        }
        int code = Cli.execute(context, args, extension);
        if (code != Cli.CONSOLE_OPENED) {
            System.exit(code);
        }
    }
}
