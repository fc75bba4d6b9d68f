package dev.flightdeck.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a completion script generated from the very command tree the application runs, so it never lags behind. */
@Command(
        name = "completion",
        description = {
            "Print a shell completion script for flightdeck.",
            "bash: source <(flightdeck completion bash)   zsh: source <(flightdeck completion zsh)"
        })
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    private String shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            spec.commandLine()
                    .getErr()
                    .println("flightdeck: completion is available for bash and zsh, not '" + shell + "'");
            return Cli.USAGE;
        }
        CommandLine root = spec.root().commandLine();
        if (shell.equals("zsh")) {
            // picocli's script is written for bash and zsh; zsh reads it through its bash-completion layer
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return Cli.OK;
    }
}
