package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.sql.SqlOutcome;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.db.sql.SqlStepRunner;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, authentication and server restarts, against a server this class owns (it restarts it). */
class ConnectionResilienceTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.dedicatedServer();

    /** Statement timeout 1 s, so the socket timeout is 3 s and a lock is waited for at most 1 s. */
    private static final PoolSettings QUICK =
            PoolSettings.withStatementTimeout(Duration.ofSeconds(1)).withLockTimeout(Duration.ofSeconds(1));

    @TempDir
    Path home;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = postgres.freshDatabase();
        database.execute("CREATE TABLE visits (id int PRIMARY KEY); INSERT INTO visits SELECT generate_series(1, 10)");
    }

    @Test
    void serverRestartedMidStepSurfacesWithinTheSocketTimeoutAndThePoolRecovers() throws Exception {
        PoolSettings settings = PoolSettings.withStatementTimeout(Duration.ofSeconds(20));
        try (DatabasePool pool = DatabasePool.open(database.target(), PasswordSource.none(), settings)) {
            SqlStepRunner runner = new SqlStepRunner(pool, event -> {});
            long start = System.nanoTime();
            CompletableFuture<SqlOutcome> longStep =
                    CompletableFuture.supplyAsync(() -> runner.run(sql("SELECT pg_sleep(15)")));
            waitForQuery("pg_sleep(15)");

            postgres.server().restart();

            assertThatThrownBy(() -> longStep.get(settings.socketTimeout().toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.CONNECTION_LOST);
                        assertThat(error.getMessage())
                                .contains(database.target().address())
                                .contains("closed the connection");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(settings.socketTimeout());
            assertThat(runner.run(sql("SELECT count(*) FROM visits")).firstValue())
                    .contains("10");
        }
    }

    @Test
    void serverThatStopsAnsweringIsGivenUpAfterTheSocketTimeout() throws Exception {
        PoolSettings oneConnection = new PoolSettings(
                1, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));
        try (DatabasePool pool = DatabasePool.open(database.target(), PasswordSource.none(), oneConnection)) {
            SqlStepRunner runner = new SqlStepRunner(pool, event -> {});
            String backend =
                    runner.run(sql("SELECT pg_backend_pid()")).firstValue().orElseThrow();
            signal("STOP", backend);
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> runner.run(sql("SELECT count(*) FROM visits")))
                        .isInstanceOfSatisfying(DatabaseException.class, error -> {
                            assertThat(error.code()).isEqualTo(DatabaseErrorCode.NO_RESPONSE);
                            assertThat(error.getMessage())
                                    .isEqualTo("no answer from "
                                            + database.target().address()
                                            + " within the socket timeout of 3s; the connection was dropped");
                        });
            } finally {
                signal("CONT", backend);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
            assertThat(runner.run(sql("SELECT count(*) FROM visits")).firstValue())
                    .contains("10");
        }
    }

    @Test
    void migrationBehindALockGivesUpAfterTheLockTimeout() throws Exception {
        PoolSettings lockShorterThanStatement =
                PoolSettings.withStatementTimeout(Duration.ofSeconds(10)).withLockTimeout(Duration.ofSeconds(1));
        try (Connection holder = database.connect();
                DatabasePool pool =
                        DatabasePool.open(database.target(), PasswordSource.none(), lockShorterThanStatement)) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE visits IN ACCESS SHARE MODE");
            }
            assertThatThrownBy(() ->
                            new SqlStepRunner(pool, event -> {}).run(sql("ALTER TABLE visits ADD COLUMN note text")))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.LOCK_TIMEOUT);
                        assertThat(error.getMessage())
                                .startsWith("gave up after waiting 1s for a lock another session holds");
                    });
        }
    }

    @Test
    void slowStatementIsCancelledByTheStatementTimeout() {
        try (DatabasePool pool = DatabasePool.open(database.target(), PasswordSource.none(), QUICK)) {
            assertThatThrownBy(() -> new SqlStepRunner(pool, event -> {}).run(sql("SELECT pg_sleep(5)")))
                    .isInstanceOfSatisfying(
                            DatabaseException.class,
                            error -> assertThat(error.getMessage())
                                    .isEqualTo(
                                            "the statement ran longer than the statement timeout of 1s and was cancelled"));
        }
    }

    @Test
    void stepTimeoutReplacesThePoolsStatementTimeoutForThatStepOnly() {
        try (DatabasePool pool = DatabasePool.open(database.target(), PasswordSource.none(), PoolSettings.console())) {
            SqlStepRunner runner = new SqlStepRunner(pool, event -> {});

            assertThatThrownBy(() -> runner.run(sql("SELECT pg_sleep(5)").withTimeout(Duration.ofMillis(500))))
                    .isInstanceOfSatisfying(
                            DatabaseException.class,
                            error -> assertThat(error.getMessage())
                                    .isEqualTo(
                                            "the statement ran longer than the statement timeout of 500ms and was cancelled"));
            assertThat(runner.run(sql("SHOW statement_timeout")).firstValue()).contains("30min");
        }
    }

    @Test
    void closedPortIsReportedAsUnreachableInPlainWords() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var target = new ConnectionTarget(
                "db1",
                "127.0.0.1",
                closedPort,
                "healthcare",
                "postgres",
                DatabaseEntry.SslMode.DISABLE,
                Optional.empty());
        try (DatabasePool pool =
                DatabasePool.open(target, PasswordSource.none(), QUICK.withConnectTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> new SqlStepRunner(pool, event -> {}).run(sql("SELECT 1")))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.UNREACHABLE);
                        assertThat(error.describe())
                                .startsWith("FD-DB-001: cannot reach 127.0.0.1:" + closedPort
                                        + ": the connection was refused");
                    });
        }
    }

    @Test
    void hostThatNeverAnswersIsReportedAsUnreachableAfterTheRealWaitNotAsALostConnection() throws IOException {
        // a listening socket nobody reads: the TCP handshake completes (the backlog) and then nothing ever comes
        // back, as with a blackholed or hung host
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var target = new ConnectionTarget(
                    "db1",
                    "127.0.0.1",
                    silent.getLocalPort(),
                    "healthcare",
                    "postgres",
                    DatabaseEntry.SslMode.DISABLE,
                    Optional.empty());
            try (DatabasePool pool =
                    DatabasePool.open(target, PasswordSource.none(), QUICK.withConnectTimeout(Duration.ofSeconds(2)))) {
                assertThatThrownBy(() -> new SqlStepRunner(pool, event -> {}).run(sql("SELECT 1")))
                        .isInstanceOfSatisfying(DatabaseException.class, error -> {
                            assertThat(error.code()).isEqualTo(DatabaseErrorCode.UNREACHABLE);
                            assertThat(error.describe())
                                    .isEqualTo("FD-DB-001: cannot reach 127.0.0.1:" + silent.getLocalPort()
                                            + " within 2s: the port accepted the connection but the server never"
                                            + " answered (a hung server, or a firewall that drops the traffic)");
                        });
            }
        }
    }

    @Test
    void missingAndClosedDatabasesAreReportedInPlainWords() {
        database.execute("SELECT 1");
        postgres.server().execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false");
        try (DatabasePool closed = DatabasePool.open(database.target(), PasswordSource.none(), QUICK);
                DatabasePool missing =
                        DatabasePool.open(database.target().withDatabase("no_such_db"), PasswordSource.none(), QUICK)) {
            assertThatThrownBy(() -> new SqlStepRunner(closed, event -> {}).run(sql("SELECT 1")))
                    .isInstanceOfSatisfying(
                            DatabaseException.class,
                            error -> assertThat(error.getMessage())
                                    .startsWith(
                                            "database " + database.name() + " is not accepting connections right now"));
            assertThatThrownBy(() -> new SqlStepRunner(missing, event -> {}).run(sql("SELECT 1")))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.DATABASE_MISSING);
                        assertThat(error.getMessage())
                                .isEqualTo("database no_such_db does not exist on "
                                        + database.target().address());
                    });
        } finally {
            postgres.server().execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true");
        }
    }

    @Test
    void wrongPasswordIsReportedAtOnceAndAskedForAgain() {
        createPasswordRole("clinic_admin", "correct horse");
        AtomicInteger asked = new AtomicInteger();
        PromptedPassword prompt = new PromptedPassword(
                () -> asked.incrementAndGet() == 1 ? "battery".toCharArray() : "correct horse".toCharArray());
        try (DatabasePool pool = DatabasePool.open(database.targetAs("clinic_admin"), prompt, QUICK)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new SqlStepRunner(pool, event -> {}).run(sql("SELECT 1")))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.AUTHENTICATION_FAILED);
                        assertThat(error.getMessage())
                                .isEqualTo("password authentication failed for user clinic_admin on "
                                        + database.target().address());
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(new SqlStepRunner(pool, event -> {})
                            .run(sql("SELECT current_user"))
                            .firstValue())
                    .contains("clinic_admin");
            assertThat(asked).hasValue(2);
        }
    }

    @Test
    void promptedPasswordIsAskedOnceWipedAndReusedAfterReconnect() {
        createPasswordRole("clinic_nurse", "correct horse");
        AtomicInteger asked = new AtomicInteger();
        char[][] typed = new char[1][];
        PromptedPassword prompt = new PromptedPassword(() -> {
            asked.incrementAndGet();
            typed[0] = "correct horse".toCharArray();
            return typed[0];
        });
        try (DatabasePool pool = DatabasePool.open(database.targetAs("clinic_nurse"), prompt, QUICK)) {
            SqlStepRunner runner = new SqlStepRunner(pool, event -> {});
            assertThat(runner.run(sql("SELECT current_user")).firstValue()).contains("clinic_nurse");
            postgres.server()
                    .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'clinic_nurse'");
            pool.quiesce();
            pool.resume();
            assertThat(runner.run(sql("SELECT current_user")).firstValue()).contains("clinic_nurse");
        }
        assertThat(asked).hasValue(1);
        assertThat(typed[0]).containsOnly('\0');
    }

    @Test
    void pgpassPasswordConnects() throws IOException {
        createPasswordRole("clinic_clerk", "from pgpass");
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + postgres.server().port() + ":*:clinic_clerk:from pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        try (DatabasePool pool = DatabasePool.open(database.targetAs("clinic_clerk"), new PgPassFile(pgpass), QUICK)) {
            assertThat(new SqlStepRunner(pool, event -> {})
                            .run(sql("SELECT current_user"))
                            .firstValue())
                    .contains("clinic_clerk");
        }
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void backupAsAPasswordRoleKeepsThePasswordOutOfEveryEvent() {
        createPasswordRole("clinic_backup", "tops3cret");
        postgres.server().execute("GRANT pg_read_all_data TO clinic_backup");
        List<Object> events = new ArrayList<>();
        try (DatabaseSteps steps = DatabaseSteps.open(
                database.targetAs("clinic_backup"),
                new PromptedPassword("tops3cret"::toCharArray),
                QUICK,
                new LocalCommandPlace(System.getenv()),
                Clock.systemUTC(),
                events::add)) {
            steps.sql(sql("SELECT count(*) FROM visits"));
            var artifact = steps.backup(StepAction.BackupFormat.CUSTOM, home.toString(), Duration.ofMinutes(1));

            assertThat(artifact.entries()).isPositive();
        }
        assertThat(events)
                .extracting(Object::toString)
                .anySatisfy(event -> assertThat(event).contains("pg_dump").contains("user=clinic_backup "))
                .noneSatisfy(event -> assertThat(event).contains("tops3cret"));
    }

    private void createPasswordRole(String role, String password) {
        postgres.server()
                .execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; END IF; END $$");
        postgres.server().requirePasswordFor(role);
    }

    private void waitForQuery(String fragment) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            String running = database.queryValue("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%" + fragment
                    + "%' AND pid <> pg_backend_pid()");
            if (!"0".equals(running)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the step never started");
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static SqlRequest sql(String statement) {
        return new SqlRequest(statement, List.of(), Expectation.none(), false);
    }
}
