package dev.flightdeck.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Benchmarks that print a table with ratios against a reference measured in the same run
 * (performance goals live here, never in timed unit tests). One subcommand per capability.
 */
@Command(
        name = "bench",
        description = "Measure Flightdeck against the standard approach on this machine.",
        mixinStandardHelpOptions = true,
        subcommands = {
            SshBench.class,
            DbBench.class,
            MetricsBench.class,
            JournalBench.class,
            ConsoleBench.class,
            ChartBench.class,
            RollbackBench.class,
            SessionBench.class,
            StartupBench.class,
        })
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
