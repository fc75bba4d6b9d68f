package dev.flightdeck.app.cli;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.metrics.host.HostCollector;
import dev.flightdeck.metrics.postgres.PostgresCollector;
import dev.flightdeck.metrics.postgres.PostgresCollectors;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The host and PostgreSQL collectors' part of {@code flightdeck bench metrics}: samples/s one collector sustains (one
 * reading after the other on one thread), each against the bare round trip of the same transport measured in the same
 * run: {@code exec true} over the same reused SSH session to a real OpenSSH sshd, and {@code SELECT 1} on a plain JDBC
 * connection to the same server.
 */
final class CollectorBench {

    private static final int RUNS = 31;
    /** Takes every figure, parts included, and keeps none: the bench measures reading, not storing. */
    private static final SampleSink DISCARD = new SampleSink() {
        @Override
        public void record(String signal, long epochMillis, double value) {}

        @Override
        public SampleSink part(String part) {
            return this;
        }
    };

    /** Prints one row; the bench's own table format. */
    interface Rows {
        void row(String measure, double flightdeck, double reference);
    }

    private CollectorBench() {}

    static void host(Rows rows, PrintWriter err) throws Exception {
        if (!LoopbackSshd.installed()) {
            err.println("(host collector: skipped, " + LoopbackSshd.SSHD + " is not installed)");
            return;
        }
        Path directory = Files.createTempDirectory("flightdeck-bench-host");
        try (LoopbackSshd sshd = LoopbackSshd.start(directory.resolve("sshd"))) {
            Files.writeString(directory.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
            HostKeyVerifier verifier = new HostKeyVerifier(
                    List.of(directory.resolve("known_hosts")), directory.resolve("flightdeck_known_hosts"));
            SshTarget target = new SshTarget(
                    "bench", sshd.host(), sshd.port(), sshd.user(), List.of(sshd.userKey()), false, Optional.empty());
            try (SshSessions sessions =
                    new SshSessions(SshSettings.defaults(), verifier, Credentials.NONE, SshEventListener.NONE)) {
                HostCollector collector = new HostCollector(
                        "bench",
                        () -> target,
                        sessions,
                        List.of("/", "/tmp"),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Clock.systemUTC());
                collector.collect(DISCARD);
                double bare = BenchTable.median(RUNS, () -> sessions.exec(target, CommandRequest.of("true")));
                double reading = BenchTable.median(RUNS, () -> collector.collect(DISCARD));
                rows.row("host collector over SSH, OpenSSH sshd (samples/s)", 1000 / reading, 1000 / bare);
            }
        } finally {
            deleteTree(directory);
        }
    }

    static void postgres(Rows rows) throws Exception {
        Path data = Files.createTempDirectory("flightdeck-bench-pg");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            ConnectionTarget target = new ConnectionTarget(
                    "bench", "127.0.0.1", server.getPort(), "postgres", "postgres", SslMode.DISABLE, Optional.empty());
            try (PostgresCollector collector = new PostgresCollector(
                            "bench",
                            DatabasePool.open(target, PasswordSource.none(), PostgresCollectors.SETTINGS),
                            "postgres",
                            Duration.ofSeconds(1),
                            Clock.systemUTC());
                    Connection plain = server.getPostgresDatabase().getConnection();
                    Statement statement = plain.createStatement()) {
                collector.collect(DISCARD);
                double bare = BenchTable.median(RUNS * 10, () -> selectOne(statement));
                double reading = BenchTable.median(RUNS * 10, () -> collect(collector));
                rows.row("PostgreSQL collector, pg_stat_* (samples/s)", 1000 / reading, 1000 / bare);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static void selectOne(Statement statement) throws Exception {
        try (ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
        }
    }

    private static void collect(PostgresCollector collector) throws CollectorException {
        collector.collect(DISCARD);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
