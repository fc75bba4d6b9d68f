package dev.flightdeck.sandbox;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.sandbox.clinic.ClinicApp;
import dev.flightdeck.sandbox.clinic.ServiceFiles;
import dev.flightdeck.sandbox.clinic.SyntheticLoad;
import dev.flightdeck.sandbox.database.ClinicData;
import dev.flightdeck.sandbox.database.ClinicDatabase;
import dev.flightdeck.sandbox.error.SandboxException;
import dev.flightdeck.sandbox.host.HostFiles;
import dev.flightdeck.sandbox.host.SandboxHost;
import dev.flightdeck.ssh.keys.OpenSshKeys;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the rehearsal sandbox: a clinic system on this computer that a real runbook can be run against — an embedded
 * PostgreSQL with the clinic database, the clinic app on two app hosts, three loopback SSH hosts (app1, app2, db1) and
 * a steady synthetic load. Everything is in-process or a child of this process, listens on 127.0.0.1 only, and is
 * gone after {@link RunningSandbox#close()}.
 *
 * <pre>{@code
 * try (RunningSandbox sandbox = Sandbox.start(new SandboxOptions(dir, false, home.knownHosts()))) {
 *     // run sandbox.runbook() against sandbox.inventory() with sandbox.databasePasswords() and sandbox.sshCredentials()
 * }
 * }</pre>
 */
public final class Sandbox {

    /** The built-in runbook the sandbox is made for. */
    public static final String RUNBOOK_ID = "rehearsal";

    public static final List<String> APP_HOSTS = List.of("app1", "app2");
    public static final String DATABASE_HOST = "db1";

    /** The same synthetic clinic in every sandbox, so rehearsals are comparable. */
    private static final long DATA_SEED = 20261122L;
    /** 20 requests a second over both apps: a 15 s scrape sees about 150 per app, enough for 5 % errors to be plain. */
    private static final long LOAD_PERIOD_MILLIS = 50;

    private static final long RECONCILE_PERIOD_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private Sandbox() {}

    /**
     * Starts everything, or nothing: a part that fails to start stops the parts already running. What the rehearsal
     * needs from this computer ({@link SandboxRequirements}) is checked first, before anything is made or started.
     *
     * @throws SandboxException {@link SandboxException.Code#TOOL_MISSING} naming what to install, or why it did not start
     */
    public static RunningSandbox start(SandboxOptions options) {
        SandboxRequirements.require(options.environment());
        long started = System.nanoTime();
        SandboxLayout layout = new SandboxLayout(options.directory());
        RunningSandbox.Parts parts = new RunningSandbox.Parts(
                options,
                layout,
                "sbx-" + UUID.randomUUID().toString().substring(0, 8),
                new AtomicBoolean(options.fault()));
        try {
            parts.directoryLock = layout.prepare();
            generateUserKey(layout);
            long keyed = System.nanoTime();
            parts.database = ClinicDatabase.start(layout.postgres(), DATA_SEED);
            long databaseReady = System.nanoTime();
            writePgpass(layout, parts.database);
            startApps(parts);
            startHosts(parts);
            LOG.info(
                    "sandbox {}: user key {} ms, database with clinic data {} ms, apps and SSH hosts {} ms",
                    parts.id,
                    millis(started, keyed),
                    millis(keyed, databaseReady),
                    millis(databaseReady, System.nanoTime()));
            SandboxKnownHosts.add(options.knownHostsFile(), parts.id, parts.hosts);
            parts.knownHostsAdded = true;
            Files.writeString(
                    layout.inventory(),
                    SandboxInventory.text(layout, parts.hosts, parts.apps, parts.database),
                    StandardCharsets.UTF_8);
            return new RunningSandbox(
                    parts, load(layout.inventory()), rehearsalRunbook(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            parts.close();
            if (e instanceof SandboxException sandbox) {
                throw sandbox;
            }
            throw new SandboxException(
                    SandboxException.Code.SERVICE_FAILED, "the sandbox did not start: " + e.getMessage(), e);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The rehearsal runbook, as shipped in the library. */
    public static Runbook rehearsalRunbook() {
        Parsed<Runbook> parsed = BuiltinRunbooks.load(RUNBOOK_ID)
                .orElseThrow(() -> new IllegalStateException("the rehearsal runbook is missing from the build"));
        return parsed.value()
                .filter(runbook -> parsed.isValid())
                .orElseThrow(
                        () -> new IllegalStateException("the rehearsal runbook does not validate: " + parsed.errors()));
    }

    private static void generateUserKey(SandboxLayout layout) throws IOException {
        OpenSshKeys.generate(layout.userKey(), OpenSshKeys.Type.ED25519);
    }

    private static void writePgpass(SandboxLayout layout, ClinicDatabase database) throws IOException {
        char[] line = database.pgpassLine();
        byte[] bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(line)).array();
        try {
            Files.write(layout.pgpass(), new byte[0]);
            Files.setPosixFilePermissions(layout.pgpass(), PosixFilePermissions.fromString("rw-------"));
            Files.write(layout.pgpass(), Arrays.copyOf(bytes, line.length));
        } finally {
            Arrays.fill(line, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void startApps(RunningSandbox.Parts parts) throws IOException {
        parts.scheduler = scheduler();
        for (String name : APP_HOSTS) {
            Path directory = parts.layout.host(name);
            HostFiles.appHost(directory);
            parts.apps.put(
                    name,
                    ClinicApp.start(name, new ServiceFiles(directory), parts.database.appDatabase(), parts.fault::get));
        }
        for (ClinicApp app : parts.apps.values()) {
            parts.scheduler.scheduleWithFixedDelay(
                    () -> reconcile(app), RECONCILE_PERIOD_MILLIS, RECONCILE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
        parts.load = new SyntheticLoad(List.copyOf(parts.apps.values()), ClinicData.PATIENTS);
        parts.scheduler.scheduleAtFixedRate(
                parts.load::tick, LOAD_PERIOD_MILLIS, LOAD_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void reconcile(ClinicApp app) {
        try {
            app.reconcile();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Sandbox.class)
                    .warn("sandbox: the clinic app could not apply its service state: {}", e.getMessage());
        }
    }

    private static void startHosts(RunningSandbox.Parts parts) throws IOException {
        List<PublicKey> userKeys = List.of(userPublicKey(parts.layout));
        HostFiles.databaseHost(parts.layout.host(DATABASE_HOST));
        for (String name : APP_HOSTS) {
            parts.hosts.add(SandboxHost.start(
                    name, parts.layout.host(name), parts.layout.hostKey(name), userKeys, environment(parts, name)));
        }
        Map<String, String> database = new LinkedHashMap<>(environment(parts, DATABASE_HOST));
        database.put("PGHOST", "127.0.0.1");
        database.put("PGPORT", Integer.toString(parts.database.port()));
        database.put("PGDATABASE", ClinicDatabase.DATABASE);
        database.put("PGUSER", ClinicDatabase.ADMIN);
        database.put("PGPASSFILE", parts.layout.pgpass().toString());
        parts.hosts.add(SandboxHost.start(
                DATABASE_HOST,
                parts.layout.host(DATABASE_HOST),
                parts.layout.hostKey(DATABASE_HOST),
                userKeys,
                database));
    }

    private static Map<String, String> environment(RunningSandbox.Parts parts, String host) {
        Path directory = parts.layout.host(host);
        String path = directory.resolve("bin") + ":" + parts.options.path();
        return Map.of(
                "HOME",
                directory.toString(),
                "PATH",
                path,
                "SANDBOX_HOST",
                host,
                "LANG",
                "C.UTF-8",
                "USER",
                SandboxInventory.USER,
                "LOGNAME",
                SandboxInventory.USER,
                "SHELL",
                "/bin/sh");
    }

    private static PublicKey userPublicKey(SandboxLayout layout) throws IOException {
        return OpenSshKeys.publicKey(layout.userKey());
    }

    private static ScheduledExecutorService scheduler() {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static Inventory load(Path file) throws IOException {
        Parsed<Inventory> parsed = InventoryLoader.load(file);
        return parsed.value()
                .filter(inventory -> parsed.isValid())
                .orElseThrow(() -> new IllegalStateException(
                        "the sandbox wrote an inventory that does not load: " + parsed.errors()));
    }
}
