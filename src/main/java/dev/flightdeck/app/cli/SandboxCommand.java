package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.runbook.ShellTemplate;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;
import dev.flightdeck.sandbox.error.SandboxException;
import dev.flightdeck.text.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Start the rehearsal sandbox on this computer and keep it up until Ctrl-C.",
            "It has a clinic database, the clinic app on app1 and app2, and SSH hosts app1, app2, db1 on 127.0.0.1;",
            "on Ctrl-C everything is stopped and removed.",
            "Exit 0 after a clean stop, 1 when it could not start."
        })
public final class SandboxCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--fault",
            description = "v2 of the clinic app answers 5 %% errors at 3x latency (the rollback scenario)")
    private boolean fault;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "where the sandbox keeps its files (default: the sandbox folder in Flightdeck's home)")
    private Path directory;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            description = "stop by itself after this long (e.g. 30m); default: until Ctrl-C")
    private String lifetime;

    SandboxCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> stopAfter = lifetime == null ? Optional.empty() : Durations.parse(lifetime);
        if (lifetime != null && stopAfter.isEmpty()) {
            err.println("flightdeck: --for " + lifetime + " is not " + Durations.EXPECTED);
            return Cli.USAGE;
        }
        RunningSandbox sandbox;
        try {
            sandbox = Sandbox.start(new SandboxOptions(
                    directory == null ? context.home().sandbox() : directory,
                    fault,
                    context.home().knownHosts(),
                    context.environment()));
        } catch (SandboxException e) {
            err.println("flightdeck: " + e.describe());
            return Cli.PROBLEM;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(sandbox, stopped), "flightdeck-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printHowToRehearse(sandbox, out);
        if (stopAfter.isPresent() && !stopped.await(stopAfter.get().toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(sandbox, stopped);
            out.println("Sandbox stopped after " + lifetime + "; its files are removed.");
        } else {
            stopped.await();
        }
        out.flush();
        return Cli.OK;
    }

    private static void stop(RunningSandbox sandbox, CountDownLatch stopped) {
        sandbox.close();
        stopped.countDown();
    }

    private void printHowToRehearse(RunningSandbox sandbox, PrintWriter out) {
        out.printf(
                "Rehearsal sandbox up in %.1f s%s, in %s%n",
                sandbox.startupTime().toMillis() / 1000.0,
                sandbox.fault() ? " with the fault switch ON (v2: 5 % errors, 3x latency)" : "",
                sandbox.directory());
        out.println("Inventory: " + sandbox.inventoryFile());
        sandbox.appUrls()
                .forEach((host, url) ->
                        out.println("  clinic app on " + host + ": " + url + "/api/health  " + url + "/metrics"));
        sandbox.hostKeyFingerprints()
                .forEach((host, fingerprint) ->
                        out.println("  ssh host " + host + ": " + fingerprint + " (trusted while the sandbox runs)"));
        out.println("Rehearse in another terminal (the database password is in the sandbox's pgpass file):");
        // paths as shell words: the commands are pasted, and a home folder may hold a space
        String pgpass = ShellTemplate.word(sandbox.pgpassFile().toString());
        String inventory = ShellTemplate.word(sandbox.inventoryFile().toString());
        out.println("  PGPASSFILE=" + pgpass + " flightdeck run " + Sandbox.RUNBOOK_ID + " --inventory " + inventory
                + " --journal JOURNAL-DIR --operator NAME --approve COMPLIANCE=APPROVER --yes");
        out.println("  then, if it fails: PGPASSFILE=" + pgpass
                + " flightdeck rollback --journal JOURNAL-DIR --inventory " + inventory + " --operator NAME --yes");
        out.println("Press Ctrl-C to stop the sandbox; everything it started is stopped and its files removed.");
        out.flush();
    }
}
