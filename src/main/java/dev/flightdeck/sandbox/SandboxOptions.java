package dev.flightdeck.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a rehearsal sandbox.
 *
 * @param directory      where the sandbox keeps everything it makes (inventory, hosts' files, keys, database): created
 *                       when missing; must be empty or an earlier sandbox's directory; emptied again by {@code close()}
 * @param fault          start with the fault switch on (v2 answers 5 % errors at 3× latency); can be flipped later
 *                       with {@link RunningSandbox#fault(boolean)}
 * @param knownHostsFile the known-hosts file Flightdeck verifies host keys with ({@code FlightdeckHome.knownHosts()}):
 *                       the sandbox hosts' keys are added while it runs and removed again on close, so connecting
 *                       needs no prompt and the operator's own entries are never touched
 * @param environment    the environment Flightdeck runs in ({@code AppContext.environment()}): its PATH is where the
 *                       sandbox's hosts, and {@link SandboxRequirements}, find the PostgreSQL client tools
 */
public record SandboxOptions(Path directory, boolean fault, Path knownHostsFile, Map<String, String> environment) {

    public SandboxOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        directory = directory.toAbsolutePath().normalize();
        knownHostsFile = knownHostsFile.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** In this process's environment. */
    public SandboxOptions(Path directory, boolean fault, Path knownHostsFile) {
        this(directory, fault, knownHostsFile, System.getenv());
    }

    /** The PATH the sandbox's hosts run with. */
    public String path() {
        return SandboxRequirements.path(environment);
    }
}
