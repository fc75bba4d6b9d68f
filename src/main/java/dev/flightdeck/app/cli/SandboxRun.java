package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sandbox for one command ({@code run --sandbox}): in a fresh temporary directory, removed with everything else on close. */
record SandboxRun(RunningSandbox sandbox, Path directory) implements AutoCloseable {

    static SandboxRun start(AppContext context, boolean fault, PrintWriter out) throws IOException {
        Path directory = Files.createTempDirectory("flightdeck-sandbox-");
        try {
            RunningSandbox sandbox = Sandbox.start(
                    new SandboxOptions(directory, fault, context.home().knownHosts(), context.environment()));
            out.printf(
                    "Rehearsal sandbox up in %.1f s%s; inventory %s%n",
                    sandbox.startupTime().toMillis() / 1000.0,
                    fault ? " with the fault switch ON" : "",
                    sandbox.inventoryFile());
            return new SandboxRun(sandbox, directory);
        } catch (RuntimeException e) {
            Files.deleteIfExists(directory);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        sandbox.close();
        Files.deleteIfExists(directory);
    }
}
