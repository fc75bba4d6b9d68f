package dev.flightdeck.metrics.postgres;

import java.util.OptionalDouble;

/**
 * One reading of a PostgreSQL server about one of its databases, as {@link PostgresActivityQuery} returns it.
 *
 * @param serverConnections        client connections to the whole server (what counts against max_connections)
 * @param maxConnections           the server's {@code max_connections}
 * @param connections              client connections to this database
 * @param active                   of those, running a statement
 * @param idle                     of those, idle
 * @param idleInTransaction        of those, idle inside an open transaction (holding locks, blocking vacuum)
 * @param commits                  {@code pg_stat_database.xact_commit} of this database (cumulative)
 * @param rollbacks                {@code pg_stat_database.xact_rollback} of this database (cumulative)
 * @param blockedSessions          sessions of this database waiting for a lock another session holds
 * @param longestTransactionMillis age of the oldest open transaction in this database, 0 when none is open
 * @param replicationLagMillis     on a primary the largest replay lag of its standbys, on a standby the age of the
 *                                 last replayed transaction; empty when the server has no replication
 * @param sizeBytes                {@code pg_database_size}
 */
public record PostgresReading(
        long serverConnections,
        long maxConnections,
        long connections,
        long active,
        long idle,
        long idleInTransaction,
        long commits,
        long rollbacks,
        long blockedSessions,
        double longestTransactionMillis,
        OptionalDouble replicationLagMillis,
        long sizeBytes) {

    /** Server connections as a percentage of {@code max_connections}. */
    public double connectionsUsedPercent() {
        return maxConnections <= 0 ? Double.NaN : serverConnections * 100.0 / maxConnections;
    }
}
