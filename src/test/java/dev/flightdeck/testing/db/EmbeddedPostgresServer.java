package dev.flightdeck.testing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 15 server for tests (zonky embedded binaries, 127.0.0.1 only). One per JVM through
 * {@link #shared()}, or a dedicated one a test class owns and may restart ({@link #startDedicated()}).
 * Tests never use a server's databases directly: they ask for a {@link TestDatabase} of their own.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The bootstrap superuser zonky's initdb creates (trust authentication on loopback). */
    public static final String SUPERUSER = "postgres";

    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer shared;

    private final Path dataDirectory;
    private final boolean removeDataOnClose;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, boolean removeDataOnClose) {
        this.dataDirectory = dataDirectory;
        this.removeDataOnClose = removeDataOnClose;
        this.postgres = start(dataDirectory, 0);
    }

    /** The server every test class in this JVM shares; stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = new EmbeddedPostgresServer(newDataDirectory(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** A server of its own for a test class that stops or restarts it; close it in {@code @AfterAll}. */
    public static EmbeddedPostgresServer startDedicated() {
        return new EmbeddedPostgresServer(newDataDirectory(), true);
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** A superuser connection to the maintenance database, for test setup. */
    public Connection adminConnection() throws SQLException {
        return connect("postgres");
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** A new, empty database with a unique name; the caller (usually {@link PostgresExtension}) drops it. */
    public TestDatabase createDatabase() {
        String name = "fd_test_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return new TestDatabase(this, name);
    }

    /** Drops a database and anything named after it ({@code name_fd_*} snapshots and set-aside copies). */
    public void dropDatabaseAndCopies(String name) {
        try (Connection admin = adminConnection();
                PreparedStatement copies = admin.prepareStatement(
                        "SELECT datname FROM pg_database WHERE datname = ? OR datname LIKE ? || '\\_fd\\_%'")) {
            copies.setString(1, name);
            copies.setString(2, name);
            try (var rows = copies.executeQuery();
                    Statement drop = admin.createStatement()) {
                while (rows.next()) {
                    drop.execute(
                            "DROP DATABASE IF EXISTS \"" + rows.getString(1).replace("\"", "\"\"") + "\" WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    public boolean databaseExists(String name) {
        try (Connection admin = adminConnection();
                PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement as superuser on the maintenance database. */
    public void execute(String sql) {
        try (Connection admin = adminConnection();
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("setup statement failed: " + sql, e);
        }
    }

    /**
     * Makes the server demand a password (SCRAM) from the given role over TCP, as production servers do;
     * other roles keep trust authentication.
     */
    public void requirePasswordFor(String role) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            String rules = Files.readString(hba);
            String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256\n";
            if (!rules.contains(rule)) {
                Files.writeString(hba, rule + rules);
            }
            execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are terminated) and starts it again on the same port. */
    public synchronized void restart() {
        int port = port();
        stopQuietly();
        postgres = start(dataDirectory, port);
    }

    /** Stops the server; {@link #restart()}-able servers keep their data until {@link #close()}. */
    public synchronized void stop() {
        stopQuietly();
    }

    /** Starts a stopped server again on its old port. */
    public synchronized void startAgain(int port) {
        postgres = start(dataDirectory, port);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        if (removeDataOnClose) {
            // zonky's own shutdown hook may be stopping the server at the same time: wait until it is gone,
            // or the postmaster writes its last statistics into a directory being deleted.
            awaitPostmasterExit();
            deleteTree(dataDirectory);
        }
    }

    private void awaitPostmasterExit() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopQuietly() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "60");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("fd-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort, twice: files that vanish during the walk are not an error. */
    private static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 2 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException vanished) {
                // a file disappeared while walking; the next attempt sees the rest
            }
        }
    }
}
