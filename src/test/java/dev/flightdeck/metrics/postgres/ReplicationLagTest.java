package dev.flightdeck.metrics.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import dev.flightdeck.metrics.RecordingSink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replication lag from a real streaming standby: a second embedded server made from a base backup of the first
 * (non-exclusive {@code pg_backup_start}/{@code pg_backup_stop} and a file copy, as an administrator would without
 * pg_basebackup), following it over streaming replication.
 */
class ReplicationLagTest {

    /** Not copied into a base backup (the PostgreSQL manual's list, as far as it applies here). */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts");

    @TempDir
    Path directory;

    @Test
    void theStandbyShowsTheAgeOfItsLastReplayedTransactionAndThePrimaryItsStandbysReplayLag() throws Exception {
        try (EmbeddedPostgres primary = server(directory.resolve("primary"), true)) {
            Path standbyData = baseBackup(primary, directory.resolve("primary"), directory.resolve("standby"));
            Files.writeString(standbyData.resolve("standby.signal"), "");
            Files.writeString(
                    standbyData.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=127.0.0.1 port=" + primary.getPort()
                            + " user=postgres application_name=standby1'\n",
                    StandardOpenOption.APPEND);
            try (EmbeddedPostgres standby = server(standbyData, false)) {
                execute(primary, "CREATE TABLE visits (id int); INSERT INTO visits VALUES (1)");

                RecordingSink onStandby = awaitLag(standby);
                RecordingSink onPrimary = awaitLag(primary);

                assertThat(onStandby.last("healthcare", "db_replication_lag"))
                        .hasValueSatisfying(lag -> assertThat(lag).isBetween(0.0, 60_000.0));
                assertThat(onPrimary.last("healthcare", "db_replication_lag"))
                        .hasValueSatisfying(lag -> assertThat(lag).isBetween(0.0, 60_000.0));
            }
        }
    }

    /** Readings until one has a lag figure: the standby needs a replayed transaction, the primary a measured replay. */
    private static RecordingSink awaitLag(EmbeddedPostgres server) throws Exception {
        ConnectionTarget target = new ConnectionTarget(
                "healthcare", "127.0.0.1", server.getPort(), "postgres", "postgres", SslMode.DISABLE, Optional.empty());
        try (PostgresCollector collector = new PostgresCollector(
                "healthcare",
                DatabasePool.open(target, PasswordSource.none(), PostgresCollectors.SETTINGS),
                "postgres",
                Duration.ofSeconds(1),
                Clock.systemUTC())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                RecordingSink sink = new RecordingSink("healthcare");
                collector.collect(sink);
                if (sink.last("healthcare", "db_replication_lag").isPresent() || System.nanoTime() > deadline) {
                    return sink;
                }
                execute(server, "SELECT 1");
                Thread.sleep(100);
            }
        }
    }

    private static EmbeddedPostgres server(Path data, boolean fresh) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(fresh)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "replica")
                .setServerConfig("wal_keep_size", "64MB")
                .start();
    }

    private static Path baseBackup(EmbeddedPostgres primary, Path from, Path to) throws Exception {
        try (Connection connection = primary.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_backup_start('flightdeck-test', true)");
            copyTree(from, to);
            try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(to.resolve("backup_label"), stop.getString(1));
            }
        }
        return to;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!LEFT_OUT.contains(source.getFileName().toString())) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    private static void execute(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
