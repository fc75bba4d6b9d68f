package dev.flightdeck.sandbox.database;

import dev.flightdeck.db.connect.SealedSecret;
import dev.flightdeck.sandbox.clinic.AppDatabase;
import dev.flightdeck.sandbox.error.SandboxException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's PostgreSQL 15 (zonky embedded, in the sandbox directory) holding the {@code clinic} database at schema
 * v1 with {@link ClinicData}. Two roles: {@code postgres}, the administrator Flightdeck connects as (it takes
 * snapshots and swaps databases), and {@code clinic_app}, the app's read-only role. Both log in with generated
 * passwords over scram-sha-256 on 127.0.0.1 only; the administrator's is in a 0600 pgpass file, as on a real host.
 */
public final class ClinicDatabase implements AutoCloseable {

    public static final String DATABASE = "clinic";
    public static final String ADMIN = "postgres";
    public static final String APP_ROLE = "clinic_app";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres server;
    private final SealedSecret adminPassword;
    private final AppDatabase appDatabase;

    private ClinicDatabase(EmbeddedPostgres server, SealedSecret adminPassword, AppDatabase appDatabase) {
        this.server = server;
        this.adminPassword = adminPassword;
        this.appDatabase = appDatabase;
    }

    /** Starts the server in {@code dataDirectory}, loads the clinic, and locks logins down to passwords. */
    public static ClinicDatabase start(Path dataDirectory, long seed) {
        EmbeddedPostgres server;
        try {
            // The sandbox empties its own folder on close; zonky cleaning too would race with it in a shutdown hook.
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "40")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new SandboxException(
                    SandboxException.Code.DATABASE_FAILED,
                    "the sandbox's PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(),
                    e);
        }
        try {
            char[] admin = newPassword();
            String app = new String(newPassword());
            createClinic(server, admin, app, seed);
            requirePasswords(server, dataDirectory);
            AppDatabase appDatabase = new AppDatabase(jdbcUrl(server.getPort()), APP_ROLE, app);
            return new ClinicDatabase(server, new SealedSecret(admin), appDatabase);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(server);
            throw new SandboxException(
                    SandboxException.Code.DATABASE_FAILED,
                    "the clinic database could not be set up: " + e.getMessage(),
                    e);
        }
    }

    private static void createClinic(EmbeddedPostgres server, char[] adminPassword, String appPassword, long seed)
            throws SQLException, IOException {
        try (Connection postgres = server.getPostgresDatabase().getConnection();
                Statement statement = postgres.createStatement()) {
            // Passwords go into the server as SQL literals (the sandbox's own throwaway ones, base64url: nothing to
            // escape).
            statement.execute("ALTER ROLE " + ADMIN + " PASSWORD '" + new String(adminPassword) + "'");
            statement.execute("CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + appPassword + "'");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection clinic = server.getDatabase(ADMIN, DATABASE).getConnection();
                Statement statement = clinic.createStatement()) {
            clinic.setAutoCommit(false);
            statement.execute(resource("clinic-schema-v1.sql"));
            new ClinicData(seed).load(clinic);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + APP_ROLE);
            statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + APP_ROLE);
            clinic.commit();
            statement.execute("ANALYZE");
        }
    }

    /** From now on every login over TCP needs its password; the trust rules initdb wrote are gone. */
    private static void requirePasswords(EmbeddedPostgres server, Path dataDirectory) throws SQLException, IOException {
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by the Flightdeck rehearsal sandbox: loopback only, passwords always.
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """, StandardCharsets.UTF_8);
        try (Connection postgres = server.getPostgresDatabase().getConnection();
                Statement statement = postgres.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** The text of a SQL file shipped with the sandbox: the v1 schema and the migrations v1 → v2 and back. */
    public static String resource(String name) throws IOException {
        try (InputStream in = ClinicDatabase.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IOException("sandbox resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public int port() {
        return server.getPort();
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The administrator's password, a fresh copy the caller wipes. */
    public char[] adminPassword() {
        return adminPassword.reveal();
    }

    public AppDatabase appDatabase() {
        return appDatabase;
    }

    /** A pgpass line for the administrator on this server (any database: snapshots and swaps connect to others). */
    public char[] pgpassLine() {
        char[] password = adminPassword.reveal();
        try {
            String prefix = "127.0.0.1:" + port() + ":*:" + ADMIN + ":";
            char[] line = new char[prefix.length() + password.length + 1];
            prefix.getChars(0, prefix.length(), line, 0);
            System.arraycopy(password, 0, line, prefix.length(), password.length);
            line[line.length - 1] = '\n';
            return line;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    @Override
    public void close() {
        adminPassword.close();
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(ClinicDatabase.class)
                    .warn("the sandbox's PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
