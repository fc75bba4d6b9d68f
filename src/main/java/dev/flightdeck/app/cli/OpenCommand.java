package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Console;
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
        if (file != null && !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("flightdeck: " + file + ": no such file");
            return Cli.USAGE;
        }
        Optional<Console> console = Console.installed();
        if (console.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("flightdeck: this build has no console (JavaFX); use a command, see flightdeck --help");
            return Cli.USAGE;
        }
        console.get().open(context, Optional.ofNullable(file));
        return Cli.CONSOLE_OPENED;
    }
}
