package dev.flightdeck.db.integrity;

import dev.flightdeck.db.admin.Identifiers;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Captures a {@link DataFingerprint}: estimated counts for every table, exact counts for the named ones, and a
 * content hash over chosen key columns. The hash is computed in the server in one pass with constant memory:
 * the md5 of each row's key columns, summed as two 64-bit halves (an order-independent multiset hash), so it
 * scales to large tables and may use parallel workers. It detects lost, added or changed rows; it is not a
 * defence against someone forging data.
 */
public final class DataFingerprinter {

    private static final String ESTIMATES = "SELECT n.nspname || '.' || c.relname, c.reltuples::bigint"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg_toast%'";

    private final DatabasePool pool;
    private final Clock clock;
    private final DatabaseEventListener events;

    public DataFingerprinter(DatabasePool pool, Clock clock, DatabaseEventListener events) {
        this.pool = pool;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param tables      tables to count exactly (as written in the runbook: {@code visits} or {@code public.visits})
     * @param hashColumns per table, the key columns to hash; a table named here is also counted exactly
     */
    public DataFingerprint capture(List<String> tables, Map<String, List<String>> hashColumns) {
        DataFingerprint fingerprint = pool.withConnection(null, connection -> {
            Map<String, Long> estimates = estimates(connection);
            Map<String, TableFacts> facts = new HashMap<>();
            estimates.forEach((table, estimate) -> facts.put(
                    table, new TableFacts(table, OptionalLong.empty(), estimate, Optional.empty(), List.of())));
            for (Map.Entry<String, List<String>> wanted :
                    wantedTables(tables, hashColumns).entrySet()) {
                TableName name = resolve(connection, wanted.getKey());
                facts.put(
                        name.qualified(),
                        measure(connection, name, wanted.getValue(), estimates.getOrDefault(name.qualified(), -1L)));
            }
            return new DataFingerprint(pool.target().name(), pool.target().database(), clock.instant(), facts);
        });
        events.onEvent(new DatabaseEvent.DataCaptured(
                pool.target().name(),
                fingerprint.capturedAt(),
                fingerprint.tables().size(),
                fingerprint.exactRows()));
        return fingerprint;
    }

    /** Captures again with the same tables and key columns as {@code before}, and compares. */
    public DataComparison compareWith(DataFingerprint before) {
        List<String> exact = new ArrayList<>();
        Map<String, List<String>> hashed = new LinkedHashMap<>();
        before.tables().values().forEach(facts -> {
            if (!facts.hashColumns().isEmpty()) {
                hashed.put(facts.table(), facts.hashColumns());
            } else if (facts.exactRows().isPresent()) {
                exact.add(facts.table());
            }
        });
        DataComparison comparison = DataComparison.of(before, captureTolerant(exact, hashed));
        events.onEvent(new DatabaseEvent.DataCompared(
                pool.target().name(), clock.instant(), before.tables().size(), (int) comparison.failingDifferences()));
        return comparison;
    }

    /** Like capture, but a table that has disappeared is left out (the comparison reports it) instead of failing. */
    private DataFingerprint captureTolerant(List<String> exact, Map<String, List<String>> hashed) {
        List<String> present = new ArrayList<>();
        Map<String, List<String>> presentHashed = new LinkedHashMap<>();
        pool.withConnection(null, connection -> {
            for (String table : exact) {
                if (regclass(connection, table) != null) {
                    present.add(table);
                }
            }
            for (Map.Entry<String, List<String>> entry : hashed.entrySet()) {
                if (regclass(connection, entry.getKey()) != null) {
                    presentHashed.put(entry.getKey(), entry.getValue());
                }
            }
            return null;
        });
        return capture(present, presentHashed);
    }

    private static Map<String, List<String>> wantedTables(List<String> tables, Map<String, List<String>> hashColumns) {
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        tables.forEach(table -> wanted.put(table, List.of()));
        wanted.putAll(hashColumns);
        return wanted;
    }

    private static Map<String, Long> estimates(Connection connection) throws SQLException {
        Map<String, Long> estimates = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ESTIMATES);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                estimates.put(rows.getString(1), rows.getLong(2));
            }
        }
        return estimates;
    }

    private TableFacts measure(Connection connection, TableName name, List<String> keyColumns, long estimate)
            throws SQLException {
        if (keyColumns.isEmpty()) {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + name.quoted());
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return new TableFacts(
                        name.qualified(), OptionalLong.of(rows.getLong(1)), estimate, Optional.empty(), List.of());
            }
        }
        requireColumns(connection, name, keyColumns);
        String row = String.join(
                ", ",
                keyColumns.stream()
                        .map(column -> "t." + Identifiers.quote(column))
                        .toList());
        String sql = "SELECT count(*), coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0),"
                + " coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)"
                + " FROM (SELECT md5(ROW(" + row + ")::text) AS h FROM " + name.quoted() + " t) hashed";
        try (PreparedStatement hash = connection.prepareStatement(sql);
                ResultSet rows = hash.executeQuery()) {
            rows.next();
            long count = rows.getLong(1);
            String digest = sha256(
                    count + ":" + rows.getString(2) + ":" + rows.getString(3) + ":" + String.join(",", keyColumns));
            return new TableFacts(name.qualified(), OptionalLong.of(count), estimate, Optional.of(digest), keyColumns);
        }
    }

    private TableName resolve(Connection connection, String written) throws SQLException {
        Long oid = regclass(connection, written);
        if (oid == null) {
            throw new DatabaseException(
                    DatabaseErrorCode.UNKNOWN_OBJECT,
                    "table " + written + " does not exist in database "
                            + pool.target().database());
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?")) {
            query.setLong(1, oid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new TableName(rows.getString(1), rows.getString(2), oid);
            }
        }
    }

    private static Long regclass(Connection connection, String written) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?)::oid::bigint")) {
            query.setString(1, written);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long oid = rows.getLong(1);
                return rows.wasNull() ? null : oid;
            }
        }
    }

    private void requireColumns(Connection connection, TableName name, List<String> columns) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT array_agg(attname::text) FROM pg_attribute"
                + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped")) {
            query.setLong(1, name.oid());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Array array = rows.getArray(1);
                List<String> existing = array == null ? List.of() : List.of((String[]) array.getArray());
                List<String> missing = columns.stream()
                        .filter(column -> !existing.contains(column))
                        .toList();
                if (!missing.isEmpty()) {
                    throw new DatabaseException(
                            DatabaseErrorCode.UNKNOWN_OBJECT,
                            "table " + name.qualified() + " has no column " + String.join(", ", missing) + " (it has "
                                    + String.join(", ", existing) + ")");
                }
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record TableName(String schema, String table, long oid) {
        String qualified() {
            return schema + "." + table;
        }

        String quoted() {
            return Identifiers.quoteQualified(schema, table);
        }
    }
}
