package dev.flightdeck.metrics.postgres;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.collect.SampleSink;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The health of one PostgreSQL database from {@code pg_stat_*}, one statement per sample over its own one-connection
 * pool. Writes {@code db_connection} (1 when the server answered, 0 when it could not be reached or refused the login:
 * what {@code db connection failures} counts), {@code db_connections} and its states, {@code db_connections_used}
 * (percent of max_connections), {@code db_transactions} and {@code db_rollbacks} (per second, from the second sample
 * on), {@code db_blocking_locks}, {@code db_longest_transaction}, {@code db_replication_lag} (only with replication)
 * and {@code db_size_mb}.
 */
public final class PostgresCollector implements Collector, AutoCloseable {

    /** Failures that mean Flightdeck could not get a connection at all: the check fails. */
    private static final Set<DatabaseErrorCode> CONNECTION_FAILURES = EnumSet.of(
            DatabaseErrorCode.UNREACHABLE,
            DatabaseErrorCode.AUTHENTICATION_FAILED,
            DatabaseErrorCode.PASSWORD_UNAVAILABLE,
            DatabaseErrorCode.PGPASS_INSECURE,
            DatabaseErrorCode.DATABASE_MISSING,
            DatabaseErrorCode.NO_RESPONSE,
            DatabaseErrorCode.CONNECTION_LOST);

    private final String source;
    private final DatabasePool pool;
    private final String database;
    private final Duration interval;
    private final Clock clock;
    private final CounterRate commits = new CounterRate();
    private final CounterRate rollbacks = new CounterRate();

    /**
     * @param pool     a pool on the server (the maintenance database is best: see {@link PostgresActivityQuery})
     * @param database the database to watch, as the server names it
     */
    public PostgresCollector(String source, DatabasePool pool, String database, Duration interval, Clock clock) {
        this.source = source;
        this.pool = pool;
        this.database = database;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void collect(SampleSink sink) throws CollectorException {
        long taken = clock.millis();
        Optional<PostgresReading> reading;
        try {
            reading = pool.withConnection(
                    PostgresActivityQuery.SQL, connection -> PostgresActivityQuery.read(connection, database));
        } catch (DatabaseException e) {
            boolean unreachable = CONNECTION_FAILURES.contains(e.code());
            sink.record("db_connection", taken, unreachable ? 0 : 1);
            throw new CollectorException(
                    unreachable ? CollectorException.Code.UNREACHABLE : CollectorException.Code.REFUSED,
                    "cannot read the statistics of database " + database + " on "
                            + pool.target().address() + ": " + e.describe(),
                    e);
        }
        if (reading.isEmpty()) {
            sink.record("db_connection", taken, 0);
            throw new CollectorException(
                    CollectorException.Code.UNREACHABLE,
                    "database " + database + " does not exist on "
                            + pool.target().address());
        }
        write(reading.get(), taken, sink);
    }

    private void write(PostgresReading reading, long taken, SampleSink sink) {
        sink.record("db_connection", taken, 1);
        sink.record("db_connections", taken, reading.connections());
        sink.record("db_connections_active", taken, reading.active());
        sink.record("db_connections_idle", taken, reading.idle());
        sink.record("db_connections_idle_in_transaction", taken, reading.idleInTransaction());
        sink.record("db_connections_used", taken, reading.connectionsUsedPercent());
        commits.perSecond(reading.commits(), taken).ifPresent(rate -> sink.record("db_transactions", taken, rate));
        rollbacks.perSecond(reading.rollbacks(), taken).ifPresent(rate -> sink.record("db_rollbacks", taken, rate));
        sink.record("db_blocking_locks", taken, reading.blockedSessions());
        sink.record("db_longest_transaction", taken, reading.longestTransactionMillis());
        reading.replicationLagMillis().ifPresent(lag -> sink.record("db_replication_lag", taken, lag));
        sink.record("db_size_mb", taken, reading.sizeBytes() / (1024.0 * 1024.0));
    }

    /** Closes the collector's connection. */
    @Override
    public void close() {
        pool.close();
    }
}
