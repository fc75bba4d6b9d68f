package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        description =
                "Open the console, with a runbook file loaded and chosen when one is given. Also what flightdeck does without arguments.")
public final class OpenCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "a runbook file")
    private Path file;

    OpenCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return open(context, Optional.ofNullable(file), spec.commandLine().getErr());
    }

    /**
     * Opens the console; {@link Cli#CONSOLE_OPENED} when it did, else {@link Cli#USAGE} with the reason on {@code err}.
     * Also what the entry point calls directly when there is no argument: building the whole command line (picocli
     * reads every command's annotations) would cost the first frame hundreds of milliseconds for nothing.
     */
    public static int open(AppContext context, Optional<Path> file, PrintWriter err) {
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            err.println("flightdeck: " + file.get() + ": no such file");
            return Cli.USAGE;
        }
        Optional<Console> console = Console.installed();
        if (console.isEmpty()) {
            err.println("flightdeck: this build has no console (JavaFX); use a command, see flightdeck --help");
            return Cli.USAGE;
        }
        console.get().open(context, file);
        return Cli.CONSOLE_OPENED;
    }
}
