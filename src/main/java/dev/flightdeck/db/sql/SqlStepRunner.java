package dev.flightdeck.db.sql;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@code sql} steps: binds the parameters, streams the result once (display table, row count, SHA-256,
 * rows only if allowed), then checks the expectations. Failures of the statement itself come out as
 * {@link dev.flightdeck.db.error.DatabaseException}s that keep the server's message and position.
 */
public final class SqlStepRunner {

    private static final int FETCH_SIZE = 1_000;
    private static final int MAX_KEPT_ROWS = 10_000;

    private final DatabasePool pool;
    private final DatabaseEventListener events;

    public SqlStepRunner(DatabasePool pool, DatabaseEventListener events) {
        this.pool = pool;
        this.events = events;
    }

    public SqlOutcome run(SqlRequest request) {
        long start = System.nanoTime();
        PoolSettings effective =
                request.timeout().map(pool.settings()::withStatement).orElse(pool.settings());
        Collected collected = pool.withConnection(request.statement(), effective, connection -> {
            StepTimeout timeout = StepTimeout.apply(connection, effective, pool.settings());
            try {
                return execute(connection, request);
            } finally {
                timeout.restore();
            }
        });
        List<String> failures = ExpectationCheck.failures(
                request.expect(), collected.rowCount(), collected.firstValue(), request.statement());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        SqlOutcome outcome = new SqlOutcome(
                collected.table(),
                collected.rowCount(),
                collected.firstValue(),
                collected.sha256(),
                collected.keptRows(),
                collected.change(),
                failures,
                elapsed);
        events.onEvent(new DatabaseEvent.StatementExecuted(
                pool.target().name(),
                Instant.now(),
                request.statement(),
                request.parameters().size(),
                outcome.rowCount(),
                outcome.rowsSha256(),
                elapsed,
                outcome.passed()));
        return outcome;
    }

    private Collected execute(Connection connection, SqlRequest request) throws SQLException {
        // Only a plain query streams in batches (that needs a transaction); anything else runs in autocommit
        // so statements such as VACUUM or CREATE INDEX CONCURRENTLY work.
        boolean query = isQuery(request.statement());
        connection.setAutoCommit(!query);
        try (PreparedStatement statement = connection.prepareStatement(request.statement())) {
            for (int i = 0; i < request.parameters().size(); i++) {
                // Types.OTHER sends the value untyped, so the server infers int, date, uuid... from the context.
                statement.setObject(i + 1, request.parameters().get(i), Types.OTHER);
            }
            statement.setFetchSize(FETCH_SIZE);
            boolean hasRows = statement.execute();
            Collected collected = hasRows
                    ? collect(statement.getResultSet(), request.keepRows())
                    : Collected.changed(changes(statement, RowsChanged.commandOf(request.statement())));
            if (query) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            return collected;
        } catch (SQLException e) {
            if (query) {
                endTransactionQuietly(connection, e);
            }
            throw e;
        }
    }

    /** Every statement's count, after the first: a text of several statements sends one result each. */
    private static RowsChanged changes(PreparedStatement statement, String command) throws SQLException {
        int statements = 0;
        long rows = 0;
        int count = statement.getUpdateCount();
        while (count >= 0) {
            statements++;
            rows += count;
            statement.getMoreResults();
            count = statement.getUpdateCount();
        }
        return new RowsChanged(command, Math.max(1, statements), rows);
    }

    /** After a failure the connection may be dead; the original error is the one worth reporting. */
    private static void endTransactionQuietly(Connection connection, SQLException original) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException secondary) {
            original.addSuppressed(secondary);
        }
    }

    private static Collected collect(ResultSet rows, boolean keepRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        RowDigest digest = new RowDigest();
        List<List<String>> shown = new ArrayList<>();
        List<List<String>> kept = new ArrayList<>();
        long count = 0;
        Optional<String> firstValue = Optional.empty();
        while (rows.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                String value = rows.getString(i);
                digest.cell(value);
                row.add(value);
            }
            digest.endRow();
            if (count == 0) {
                firstValue = Optional.ofNullable(row.get(0)).or(() -> Optional.of("NULL"));
            }
            if (shown.size() < ResultTable.MAX_DISPLAY_ROWS) {
                shown.add(row.stream().map(ResultTable::cell).toList());
            }
            if (keepRows && kept.size() < MAX_KEPT_ROWS) {
                kept.add(row);
            }
            count++;
        }
        return new Collected(
                new ResultTable(columns, shown, count),
                count,
                firstValue,
                digest.hex(),
                keepRows ? Optional.of(List.copyOf(kept)) : Optional.empty(),
                Optional.empty());
    }

    private static boolean isQuery(String statement) {
        String head = statement.stripLeading().toLowerCase(Locale.ROOT);
        return (head.startsWith("select")
                        || head.startsWith("with")
                        || head.startsWith("values")
                        || head.startsWith("table"))
                && !statement.strip().replaceAll(";\\s*$", "").contains(";");
    }

    private record Collected(
            ResultTable table,
            long rowCount,
            Optional<String> firstValue,
            String sha256,
            Optional<List<List<String>>> keptRows,
            Optional<RowsChanged> change) {

        static Collected changed(RowsChanged changed) {
            return new Collected(
                    new ResultTable(List.of("changed"), List.of(List.of(Long.toString(changed.rows()))), 1),
                    changed.rows(),
                    Optional.of(Long.toString(changed.rows())),
                    new RowDigest().hex(),
                    Optional.empty(),
                    Optional.of(changed));
        }
    }
}
