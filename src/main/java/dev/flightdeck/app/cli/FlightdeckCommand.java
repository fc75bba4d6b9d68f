package dev.flightdeck.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "flightdeck",
        description = "Run maintenance windows on live healthcare systems. Without a command, opens the console.",
        mixinStandardHelpOptions = true,
        // every subcommand, down to the leaves (runbook list, journal verify, ...), answers --help and --version
        scope = ScopeType.INHERIT,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            RunbookCommand.class,
            RunCommand.class,
            OpenCommand.class,
            RollbackCommand.class,
            JournalCommand.class,
            KeyCommand.class,
            RosterCommand.class,
            ApproveCommand.class,
            MetricsCommand.class,
            SandboxCommand.class,
            CompletionCommand.class,
        })
public final class FlightdeckCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
