package dev.flightdeck.metrics.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.RecordingSink;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL collector against a real server, with real idle transactions, a real lock wait and real rollbacks. */
class PostgresCollectorTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private TestDatabase database;
    private PostgresCollector collector;
    private final RecordingSink sink = new RecordingSink("healthcare");

    @BeforeEach
    void createDatabase() {
        database = postgres.freshDatabase();
        database.execute(
                "CREATE TABLE visits (id int PRIMARY KEY, status text); INSERT INTO visits VALUES (1, 'open')");
        collector = collectorFor(database.target().withDatabase("postgres"));
    }

    @AfterEach
    void closeCollector() {
        collector.close();
    }

    private PostgresCollector collectorFor(ConnectionTarget maintenance) {
        DatabasePool pool = DatabasePool.open(maintenance, PasswordSource.none(), PostgresCollectors.SETTINGS);
        return new PostgresCollector("healthcare", pool, database.name(), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void countsTheDatabasesConnectionsByStateAgainstMaxConnections() throws Exception {
        try (Connection idle = database.connect();
                Connection inTransaction = database.connect()) {
            inTransaction.setAutoCommit(false);
            query(inTransaction, "SELECT status FROM visits");

            collector.collect(sink);

            assertThat(sink.last("healthcare", "db_connection")).hasValue(1.0);
            assertThat(sink.last("healthcare", "db_connections")).hasValue(2.0);
            assertThat(sink.last("healthcare", "db_connections_idle")).hasValue(1.0);
            assertThat(sink.last("healthcare", "db_connections_idle_in_transaction"))
                    .hasValue(1.0);
            assertThat(sink.last("healthcare", "db_connections_active")).hasValue(0.0);
            double maxConnections = Double.parseDouble(database.queryValue("SHOW max_connections"));
            double serverConnections = Double.parseDouble(
                    database.queryValue("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"));
            assertThat(sink.last("healthcare", "db_connections_used"))
                    .hasValueSatisfying(used -> assertThat(used)
                            .isCloseTo(serverConnections * 100 / maxConnections, within(100 / maxConnections * 2)));
            assertThat(sink.last("healthcare", "db_size_mb"))
                    .hasValueSatisfying(size -> assertThat(size).isGreaterThan(1));
            assertThat(sink.last("healthcare", "db_replication_lag"))
                    .as("no standby, no lag figure")
                    .isEmpty();
        }
    }

    @Test
    void aSessionWaitingForAnotherSessionsLockIsABlockingLock() throws Exception {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (Connection holder = database.connect();
                Connection blocked = database.connect()) {
            holder.setAutoCommit(false);
            execute(holder, "UPDATE visits SET status = 'held' WHERE id = 1");
            Future<?> waiting =
                    waiter.submit(() -> execute(blocked, "UPDATE visits SET status = 'waiting' WHERE id = 1"));
            awaitLockWait();

            collector.collect(sink);

            assertThat(sink.last("healthcare", "db_blocking_locks")).hasValue(1.0);
            holder.rollback();
            waiting.get();
            sink.clear();
            collector.collect(sink);
            assertThat(sink.last("healthcare", "db_blocking_locks")).hasValue(0.0);
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void theLongestTransactionIsMeasuredFromItsStart() throws Exception {
        try (Connection open = database.connect()) {
            open.setAutoCommit(false);
            query(open, "SELECT txid_current()");
            long began = System.nanoTime();
            Thread.sleep(600);
            long atLeast = (System.nanoTime() - began) / 1_000_000;

            collector.collect(sink);

            assertThat(sink.last("healthcare", "db_longest_transaction"))
                    .hasValueSatisfying(millis ->
                            assertThat(millis).isGreaterThanOrEqualTo(atLeast).isLessThan(atLeast + 5_000));
            open.rollback();
        }
    }

    @Test
    void rollbacksPerSecondAreTheIncreaseOfPgStatDatabaseBetweenTwoReadings() throws Exception {
        collector.collect(sink);
        long rollbacksBefore = rollbacksCounted();
        try (Connection client = database.connect()) {
            client.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                query(client, "SELECT 1");
                client.rollback();
            }
        }
        awaitRollbacksCounted(rollbacksBefore + 5);

        collector.collect(sink);

        List<RecordingSink.Sample> readings = sink.samples().stream()
                .filter(s -> s.id().signal().equals("db_connection"))
                .toList();
        double seconds = (readings.get(1).time() - readings.get(0).time()) / 1000.0;
        assertThat(sink.last("healthcare", "db_rollbacks"))
                .hasValueSatisfying(rate -> assertThat(rate * seconds).isCloseTo(5.0, within(1e-6)));
        assertThat(sink.last("healthcare", "db_transactions"))
                .hasValueSatisfying(rate -> assertThat(rate).isGreaterThan(0));
    }

    @Test
    void anUnreachableServerIsAFailedConnectionCheckThatFiresDbConnectionFailures() throws Exception {
        collector.close();
        collector = collectorFor(new ConnectionTarget(
                "healthcare", "127.0.0.1", freePort(), "postgres", "postgres", SslMode.DISABLE, Optional.empty()));
        List<Alarm> alarms = new CopyOnWriteArrayList<>();
        TriggerSpec failures = new TriggerSpec(
                "db connection failures",
                TriggerRuleParser.parse("db connection failures"),
                TriggerSpec.Action.ALERT,
                TriggerSpec.DEFAULT_COUNTDOWN,
                Position.UNKNOWN);
        try (MetricsEngine engine = new MetricsEngine(
                List.of(failures),
                Clock.systemUTC(),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {
                    @Override
                    public void alarmRaised(Alarm alarm) {
                        alarms.add(alarm);
                    }
                },
                minute -> {})) {
            assertThatThrownBy(() -> collector.collect(engine.sinkFor("healthcare")))
                    .isInstanceOfSatisfying(
                            CollectorException.class,
                            e -> assertThat(e.code()).isEqualTo(CollectorException.Code.UNREACHABLE))
                    .hasMessageContaining("FD-DB-001");
            assertThat(alarms)
                    .singleElement()
                    .satisfies(alarm -> assertThat(alarm.trigger()).isEqualTo("db connection failures"));
        }
    }

    @Test
    void theReaderNeverConnectsToTheWatchedDatabaseAndTheEngineClosesItsConnection() throws Exception {
        String readers = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'flightdeck' AND datname = ";
        long before = Long.parseLong(database.queryValue(readers + "'postgres'"));
        MetricsEngine engine = new MetricsEngine(
                List.of(), Clock.systemUTC(), MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
        engine.collectNow(List.of(collector));
        assertThat(database.queryValue(readers + "'" + database.name() + "'"))
                .as("a snapshot of the database must not have to end it")
                .isEqualTo("0");
        assertThat(Long.parseLong(database.queryValue(readers + "'postgres'"))).isEqualTo(before + 1);

        engine.close();

        awaitValue("SELECT CASE WHEN (" + readers + "'postgres') = " + before + " THEN 1 ELSE 0 END", 1);
    }

    private void awaitLockWait() throws Exception {
        awaitValue(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database.name()
                        + "' AND wait_event_type = 'Lock'",
                1);
    }

    private long rollbacksCounted() {
        return Long.parseLong(database.queryValue(
                "SELECT xact_rollback FROM pg_stat_database WHERE datname = '" + database.name() + "'"));
    }

    /** Backends report their statistics at most once a second and when they exit, so the count arrives a little later. */
    private void awaitRollbacksCounted(long expected) throws Exception {
        awaitValue("SELECT xact_rollback FROM pg_stat_database WHERE datname = '" + database.name() + "'", expected);
    }

    private void awaitValue(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        try (Connection admin = postgres.server().adminConnection()) {
            while (true) {
                long value;
                try (Statement statement = admin.createStatement();
                        ResultSet row = statement.executeQuery(sql)) {
                    row.next();
                    value = row.getLong(1);
                }
                if (value >= expected) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("waited 15 s for " + sql + " to reach " + expected + ", last " + value);
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet ignored = statement.executeQuery(sql)) {
            // the statement's effect (a snapshot, an open transaction) is what matters
        }
    }

    private static Void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }
}
