package dev.flightdeck.db.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.testing.db.EmbeddedPostgresServer;
import dev.flightdeck.testing.tls.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq's rules for files and environment, checked against psql itself: for each rule the same environment is given
 * to psql (/usr/bin/psql) and to Flightdeck, against a real PostgreSQL 15 that speaks TLS with a certificate from a
 * test CA, with sslmode verify-full. Flightdeck must connect exactly when psql does, and say why when it does not.
 */
class LibpqConformanceTest {

    private static final String PSQL = "/usr/bin/psql";
    private static final String ROLE = "clinic_conformance";
    private static final String PASSWORD = "s3cret:with\\colon";

    private static EmbeddedPostgresServer server;
    private static TestCertificates authority;
    private static TestCertificates stranger;

    @TempDir
    Path dir;

    @BeforeAll
    static void tlsServer() throws Exception {
        server = EmbeddedPostgresServer.startDedicated();
        authority = TestCertificates.newAuthority("Flightdeck Test CA");
        stranger = TestCertificates.newAuthority("Some Other CA");
        // the server's key must belong to the user the server runs as, readable by it alone
        Path certificate = server.dataDirectory().resolve("server.crt");
        Path key = server.dataDirectory().resolve("server.key");
        authority.issueServer(certificate, key);
        UserPrincipal owner = Files.getOwner(server.dataDirectory().resolve("PG_VERSION"));
        for (Path file : List.of(certificate, key)) {
            Files.setOwner(file, owner);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        server.execute("ALTER SYSTEM SET ssl_cert_file = '" + certificate + "'");
        server.execute("ALTER SYSTEM SET ssl_key_file = '" + key + "'");
        server.execute("ALTER SYSTEM SET ssl = on");
        server.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
        server.execute("CREATE DATABASE conformance OWNER " + ROLE);
        Path hba = server.dataDirectory().resolve("pg_hba.conf");
        Files.writeString(
                hba,
                "hostssl all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE + " 127.0.0.1/32 reject\n"
                        + Files.readString(hba));
        server.execute("SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void homeNotUserHomeGivesThePasswordFileAndTheRootCertificate() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(authority, "rw-------");
        Map<String, String> environment = Map.of("HOME", home.toString());
        String entry = "{ host: localhost, port: %d, database: conformance, user: %s, sslmode: verify-full }"
                .formatted(server.port(), ROLE);

        assertThat(psql(environment, explicit())).as("psql").isEqualTo("connected");
        assertThat(flightdeck(entry, environment)).isEqualTo("connected");
    }

    @Test
    void pgpassfileNamesThePasswordFile() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(authority, "rw-------");
        Path elsewhere = Files.move(home.resolve(".pgpass"), dir.resolve("elsewhere.pgpass"));
        Map<String, String> environment = Map.of("HOME", home.toString(), "PGPASSFILE", elsewhere.toString());
        String entry = "{ host: localhost, port: %d, database: conformance, user: %s, sslmode: verify-full }"
                .formatted(server.port(), ROLE);

        assertThat(psql(environment, explicit())).as("psql").isEqualTo("connected");
        assertThat(flightdeck(entry, environment)).isEqualTo("connected");
    }

    @Test
    void pgVariablesFillInWhatTheEntryLeavesOut() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(authority, "rw-------");
        Path rootCertificate = Files.move(home.resolve(".postgresql/root.crt"), dir.resolve("ca.crt"));
        Map<String, String> environment = Map.of(
                "HOME",
                home.toString(),
                "PGHOST",
                "localhost",
                "PGPORT",
                Integer.toString(server.port()),
                "PGUSER",
                ROLE,
                "PGDATABASE",
                "conformance",
                "PGSSLMODE",
                "verify-full",
                "PGSSLROOTCERT",
                rootCertificate.toString());

        assertThat(psql(environment, "")).as("psql").isEqualTo("connected");
        assertThat(flightdeck("{}", environment)).isEqualTo("connected");
    }

    @Test
    void aServiceInPgServiceFileFillsInWhatTheEntryLeavesOut() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(authority, "rw-------");
        Path services = Files.writeString(dir.resolve("pg_service.conf"), """
                # clinic databases
                [other]
                host=nowhere.invalid

                [clinic]
                host=localhost
                port=%d
                dbname=conformance
                user=%s
                sslmode=verify-full
                """.formatted(server.port(), ROLE));
        Map<String, String> environment = Map.of(
                "HOME",
                home.toString(),
                "PGSERVICE",
                "clinic",
                "PGSERVICEFILE",
                services.toString(),
                "PGHOST",
                "nowhere.invalid");

        assertThat(psql(environment, "")).as("psql").isEqualTo("connected");
        assertThat(flightdeck("{}", environment)).isEqualTo("connected");
    }

    @Test
    void aPgpassReadableByOthersIsNotUsedAndTheHintSaysHowToFixIt() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(authority, "rw-r--r--");
        Map<String, String> environment = Map.of("HOME", home.toString());
        String entry = "{ host: localhost, port: %d, database: conformance, user: %s, sslmode: verify-full }"
                .formatted(server.port(), ROLE);

        assertThat(psql(environment, explicit())).as("psql").isEqualTo("failed");
        assertThat(flightdeck(entry, environment))
                .startsWith(DatabaseErrorCode.PGPASS_INSECURE.code())
                .contains("chmod 0600");
    }

    @Test
    void aServerCertificateFromAnotherAuthorityIsACertificateProblem() throws Exception {
        Path home = homeWithPgpassAndRootCertificate(stranger, "rw-------");
        Map<String, String> environment = Map.of("HOME", home.toString());
        String entry = "{ host: localhost, port: %d, database: conformance, user: %s, sslmode: verify-full }"
                .formatted(server.port(), ROLE);

        assertThat(psql(environment, explicit())).as("psql").isEqualTo("failed");
        assertThat(flightdeck(entry, environment))
                .startsWith(DatabaseErrorCode.CERTIFICATE_REJECTED.code())
                .contains("not signed by a trusted certificate authority")
                .doesNotContain("lost the connection");
    }

    private Path homeWithPgpassAndRootCertificate(TestCertificates rootAuthority, String pgpassMode) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path pgpass = Files.writeString(
                home.resolve(".pgpass"),
                "localhost:*:conformance:" + ROLE + ":"
                        + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString(pgpassMode));
        rootAuthority.writeCa(home.resolve(".postgresql/root.crt"));
        return home;
    }

    /** What the inventory entries with every key say, as a libpq connection string. */
    private static String explicit() {
        return "host=localhost port=%d dbname=conformance user=%s sslmode=verify-full".formatted(server.port(), ROLE);
    }

    /** "connected", or "failed" (psql's message is kept for the assertion's description). */
    private static String psql(Map<String, String> environment, String conninfo) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PSQL, "-w", "-X", "-A", "-t", "-c", "SELECT 1", "-d", conninfo)
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("psql " + environment.keySet() + ": " + output.strip());
        return process.exitValue() == 0 && output.strip().equals("1") ? "connected" : "failed";
    }

    /** Loads the entry as an inventory does and connects as a session would: "connected", or "FD-DB-0xx message". */
    private static String flightdeck(String entry, Map<String, String> environment) {
        Parsed<Inventory> parsed = InventoryLoader.load(
                "databases:\n  clinic: " + entry + "\n", "conformance.inventory.yaml", environment);
        assertThat(parsed.problems()).isEmpty();
        DatabaseEntry database = parsed.value().orElseThrow().databases().get(0);
        try (DatabasePool pool = DatabasePool.open(
                ConnectionTarget.of(database),
                PgPassFile.standardLocation(new HashMap<>(environment)),
                PoolSettings.console())) {
            Integer one = pool.withConnection("SELECT 1", connection -> {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT 1")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            return one == 1 ? "connected" : "wrong answer " + one;
        } catch (DatabaseException e) {
            System.out.println(
                    "flightdeck " + environment.keySet() + ": " + e.code().code() + " " + e.getMessage());
            return e.code().code() + " " + e.getMessage();
        }
    }
}
