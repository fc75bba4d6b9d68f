package dev.flightdeck.sandbox;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.sandbox.clinic.ClinicApp;
import dev.flightdeck.sandbox.clinic.SyntheticLoad;
import dev.flightdeck.sandbox.database.ClinicDatabase;
import dev.flightdeck.sandbox.host.SandboxHost;
import dev.flightdeck.ssh.Credentials;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started rehearsal sandbox (see {@link Sandbox#start}). Plug it into a session like any other target:
 * {@link #inventory()}, {@link #databasePasswords()} and {@link #sshCredentials()} are what {@code SessionLauncher.Choices}
 * takes; the hosts' keys are already in the known-hosts file named in the options. {@link #close()} stops every
 * part, removes those keys again and empties the sandbox directory.
 */
public final class RunningSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningSandbox.class);

    private final Parts parts;
    private final Inventory inventory;
    private final Runbook runbook;
    private final Duration startupTime;

    RunningSandbox(Parts parts, Inventory inventory, Runbook runbook, Duration startupTime) {
        this.parts = parts;
        this.inventory = inventory;
        this.runbook = runbook;
        this.startupTime = startupTime;
    }

    /** {@code sandbox.inventory.yaml} in the sandbox directory: an ordinary inventory for {@code --inventory}. */
    public Path inventoryFile() {
        return parts.layout.inventory();
    }

    public Inventory inventory() {
        return inventory;
    }

    /** The built-in {@code rehearsal} runbook (also {@code BuiltinRunbooks.load("rehearsal")}). */
    public Runbook runbook() {
        return runbook;
    }

    public Path directory() {
        return parts.layout.root();
    }

    /** The libpq password file holding the database administrator's password: {@code PGPASSFILE} for a separate CLI process. */
    public Path pgpassFile() {
        return parts.layout.pgpass();
    }

    /** The sandbox database's administrator password, for the inventory's {@code clinic} database only. */
    public PasswordSource databasePasswords() {
        int port = parts.database.port();
        return target -> target.port() == port && target.user().equals(ClinicDatabase.ADMIN)
                ? Optional.of(parts.database.adminPassword())
                : Optional.empty();
    }

    /** The sandbox's user key is unencrypted and named in the inventory, so nothing is ever asked. */
    public Credentials sshCredentials() {
        return Credentials.NONE;
    }

    /** Host name → host key fingerprint ({@code SHA256:...}), as added to the known-hosts file. */
    public Map<String, String> hostKeyFingerprints() {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        parts.hosts.forEach(host -> fingerprints.put(host.name(), host.fingerprint()));
        return fingerprints;
    }

    /** Whether v2 of the clinic app misbehaves (5 % errors, 3× latency); v1 never does. */
    public boolean fault() {
        return parts.fault.get();
    }

    /** Turns the fault on or off at once, also while a rehearsal runs (the console's fault switch). */
    public void fault(boolean on) {
        parts.fault.set(on);
        LOG.info("sandbox {}: fault switch {}", parts.id, on ? "on" : "off");
    }

    /** How long {@link Sandbox#start} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Base URLs of the clinic app per app host ({@code http://127.0.0.1:PORT}). */
    public Map<String, String> appUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        parts.apps.forEach((name, app) -> urls.put(name, app.baseUrl()));
        return urls;
    }

    /** Requests the synthetic load got an answer to, and those refused (an app stopped). */
    public long loadAnswered() {
        return parts.load.answered();
    }

    /** Stops the load, the apps, the SSH hosts and the database; removes the host keys and the sandbox's files. */
    @Override
    public void close() {
        parts.close();
    }

    /** The parts as they are started, so a failed start and {@link #close()} stop exactly what runs. */
    static final class Parts implements AutoCloseable {
        final SandboxOptions options;
        final SandboxLayout layout;
        final String id;
        final AtomicBoolean fault;
        final Map<String, ClinicApp> apps = new LinkedHashMap<>();
        final List<SandboxHost> hosts = new ArrayList<>();
        ClinicDatabase database;
        ScheduledExecutorService scheduler;
        SyntheticLoad load;
        boolean knownHostsAdded;
        FileLock directoryLock;
        private boolean closed;

        Parts(SandboxOptions options, SandboxLayout layout, String id, AtomicBoolean fault) {
            this.options = options;
            this.layout = layout;
            this.id = id;
            this.fault = fault;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            stopScheduler();
            if (load != null) {
                load.close();
            }
            hosts.forEach(SandboxHost::close);
            apps.values().forEach(ClinicApp::close);
            if (database != null) {
                database.close();
            }
            try {
                if (knownHostsAdded) {
                    SandboxKnownHosts.remove(options.knownHostsFile(), id);
                }
                layout.clear();
                if (directoryLock != null) {
                    directoryLock.channel().close();
                }
            } catch (IOException e) {
                LOG.warn("sandbox {}: could not remove all of its files in {}: {}", id, layout.root(), e.getMessage());
            }
        }

        private void stopScheduler() {
            if (scheduler == null) {
                return;
            }
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("sandbox {}: the load and service threads did not stop within 10 s", id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
