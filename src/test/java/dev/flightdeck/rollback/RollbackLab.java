package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small system to roll back, all real: an application directory and a service (a background process with a pid
 * file) on the MINA SSH server's filesystem, a clinic database on embedded PostgreSQL, sessions through the real
 * launcher. {@link #state()} is what "the state before the window" means in these tests.
 */
final class RollbackLab implements AutoCloseable {

    /** Files (path → content), whether the service runs, and the database's shape and content. */
    record SystemState(Map<String, String> files, boolean serviceRunning, String schema, String data) {}

    private final Path dir;
    private final TestDatabase database;
    private final MinaSshServer ssh;
    private final Path userHome;
    final Path app;
    final Path service;

    RollbackLab(Path dir, TestDatabase database) throws IOException {
        this.dir = dir;
        this.database = database;
        HealthcareSample.load(database, 100);
        ssh = MinaSshServer.start(dir.resolve("ssh"));
        userHome = Files.createDirectories(dir.resolve("user/.ssh")).getParent();
        Files.writeString(userHome.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
        app = Files.createDirectories(dir.resolve("srv/app"));
        Files.writeString(app.resolve("app.conf"), "version=1\nschema=legacy\n");
        Files.writeString(app.resolve("old-endpoint.txt"), "/api/clients\n");
        service = Files.createDirectories(dir.resolve("srv/service")).resolve("svc");
        Files.writeString(service, """
                #!/bin/sh
                PID="$(dirname "$0")/pid"
                case "$1" in
                  start) if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then exit 0; fi
                         nohup sleep 600 > /dev/null 2>&1 < /dev/null & echo $! > "$PID" ;;
                  stop) if [ -f "$PID" ]; then kill "$(cat "$PID")" 2>/dev/null; rm -f "$PID"; fi ;;
                  status) [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null ;;
                esac
                """);
        Files.setPosixFilePermissions(service, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(service + " start");
    }

    /** The host goes away mid-window (its connections drop, new ones are refused). */
    void stopSshServer() throws IOException {
        ssh.stopAbruptly();
    }

    Path dir() {
        return dir;
    }

    TestDatabase database() {
        return database;
    }

    Inventory inventory() {
        return InventoryLoader.load(inventoryText(), "inv.yaml").orElseThrow();
    }

    /** The user's home with {@code ~/.ssh/known_hosts} that knows the MINA server. */
    Path userHome() {
        return userHome;
    }

    String inventoryText() {
        return """
                hosts:
                  app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app] }
                databases:
                  healthcare: { host: 127.0.0.1, port: %d, database: %s, user: postgres, sslmode: disable }
                """.formatted(
                        ssh.port(),
                        System.getProperty("user.name"),
                        ssh.userKey(),
                        database.server().port(),
                        database.name());
    }

    /** Values for the runbook's variables: where the app, the service and the backups are. */
    Map<String, String> values() {
        return Map.of("srv", dir.resolve("srv").toString(), "svc", service.toString(), "fail_at", "none");
    }

    static Runbook runbook(String yaml) {
        var parsed = RunbookLoader.load(yaml, "lab.runbook.yaml", "lab");
        assertThat(parsed.errors()).as("runbook problems").isEmpty();
        return parsed.orElseThrow();
    }

    LiveSession start(Runbook runbook, Path journal, Map<String, String> extraValues) throws IOException {
        Map<String, String> values = new HashMap<>(values());
        values.putAll(extraValues);
        return launcher()
                .start(new SessionLauncher.Choices(
                        runbook,
                        "sha",
                        inventory(),
                        "inv.yaml",
                        values,
                        "Dana",
                        journal,
                        JournalFixture.PASSPHRASE.clone(),
                        target -> Optional.empty(),
                        Credentials.NONE,
                        SessionEvent.Mode.LIVE));
    }

    LiveSession resume(Runbook runbook, Path journal) throws IOException {
        return launcher()
                .resume(
                        new SessionLauncher.Choices(
                                runbook,
                                "sha",
                                inventory(),
                                "inv.yaml",
                                values(),
                                "Dana",
                                journal,
                                JournalFixture.PASSPHRASE.clone(),
                                target -> Optional.empty(),
                                Credentials.NONE,
                                SessionEvent.Mode.LIVE),
                        "resumed by the test");
    }

    private SessionLauncher launcher() {
        AppContext context =
                new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of("HOME", userHome.toString()));
        return new SessionLauncher(context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64));
    }

    /** Runs the wizard's steps in order until one does not succeed (its id) or all are done (empty). */
    static Optional<String> runUntilStopped(Session session) throws SessionRuleException, InterruptedException {
        for (Step step = session.state().currentStep().orElse(null);
                step != null;
                step = session.state().currentStep().orElse(null)) {
            if (step.kind() == StepKind.CONFIRM) {
                session.confirm(step.id(), "");
            } else if (session.run(step.id()).status() != SessionEvent.Status.SUCCEEDED) {
                return Optional.of(step.id());
            }
        }
        return Optional.empty();
    }

    SystemState state() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(app)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(app.relativize(file).toString(), Files.readString(file));
            }
        }
        String schema = database.queryValue(
                        "SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name) "
                                + "FROM information_schema.columns WHERE table_schema = 'public'")
                + " | "
                + database.queryValue(
                        "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'")
                + " | "
                + database.queryValue(
                        "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace");
        String data = database.queryValue("SELECT md5(string_agg(p::text, ',' ORDER BY id)) FROM patients p")
                + database.queryValue("SELECT md5(string_agg(v::text, ',' ORDER BY id)) FROM visits v");
        return new SystemState(files, run(service + " status") == 0, schema, data);
    }

    private static int run(String command) throws IOException {
        try {
            return new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            run(service + " stop");
            ssh.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
