package dev.flightdeck.metrics.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the PostgreSQL collector reads, in one statement (one round trip) from the statistics views, which are
 * server-wide: it can run from the maintenance database, so Flightdeck's own reading connection is never one of the
 * sessions a snapshot or a swap of the watched database has to end. Only client backends count (not autovacuum,
 * WAL senders or this connection).
 */
final class PostgresActivityQuery {

    static final String SQL = """
            WITH clients AS (
                SELECT datname, state, xact_start, pid FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
            ), here AS (SELECT * FROM clients WHERE datname = ?)
            SELECT
                (SELECT count(*) FROM clients) + 1 AS server_connections,
                current_setting('max_connections')::bigint AS max_connections,
                (SELECT count(*) FROM here) AS connections,
                (SELECT count(*) FROM here WHERE state = 'active') AS active,
                (SELECT count(*) FROM here WHERE state = 'idle') AS idle,
                (SELECT count(*) FROM here WHERE state IN ('idle in transaction', 'idle in transaction (aborted)')) AS idle_in_transaction,
                coalesce(d.xact_commit, 0) AS commits,
                coalesce(d.xact_rollback, 0) AS rollbacks,
                (SELECT count(*) FROM here WHERE cardinality(pg_blocking_pids(pid)) > 0) AS blocked,
                (SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start)), 0) * 1000 FROM here
                    WHERE xact_start IS NOT NULL) AS longest_transaction_ms,
                CASE WHEN pg_is_in_recovery()
                     THEN extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000
                     ELSE (SELECT extract(epoch FROM max(replay_lag)) * 1000 FROM pg_stat_replication)
                END AS replication_lag_ms,
                pg_database_size(d.datid) AS size_bytes
            FROM pg_stat_database d WHERE d.datname = ?
            """;

    private PostgresActivityQuery() {}

    /** Empty result: the database does not exist (any more) on this server. */
    static Optional<PostgresReading> read(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, database);
            statement.setString(2, database);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                double lag = row.getDouble("replication_lag_ms");
                OptionalDouble replicationLag = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(lag);
                return Optional.of(new PostgresReading(
                        row.getLong("server_connections"),
                        row.getLong("max_connections"),
                        row.getLong("connections"),
                        row.getLong("active"),
                        row.getLong("idle"),
                        row.getLong("idle_in_transaction"),
                        row.getLong("commits"),
                        row.getLong("rollbacks"),
                        row.getLong("blocked"),
                        row.getDouble("longest_transaction_ms"),
                        replicationLag,
                        row.getLong("size_bytes")));
            }
        }
    }
}
