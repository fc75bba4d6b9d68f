package dev.flightdeck.app.cli;

import dev.flightdeck.app.AppContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "open", mixinStandardHelpOptions = true, description = "Open the console with a runbook file loaded and chosen.")
public final class OpenCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec private CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "a runbook file") private Path file;

    OpenCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("flightdeck: " + file + ": no such file");
            return Cli.USAGE;
        }
        dev.flightdeck.ui.ConsoleLauncher.launch(context, Optional.of(file));
        return Cli.CONSOLE_OPENED;
    }
}
