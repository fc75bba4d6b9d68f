package dev.flightdeck.app.cli;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.sandbox.RunningSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts and an md5 over every row of each clinic table, read over JDBC independently of Flightdeck's own
 * verify-data, so the test does not take the engine's word for the data being back.
 */
record ClinicFacts(int schemaVersion, Map<String, String> tables) {

    private static final String[] TABLES = {"users", "visits", "prescriptions", "lab_results"};

    static ClinicFacts of(RunningSandbox sandbox) throws SQLException {
        DatabaseEntry entry = sandbox.inventory().database("clinic").orElseThrow();
        char[] password = sandbox.databasePasswords()
                .passwordFor(ConnectionTarget.of(entry))
                .orElseThrow();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + entry.port() + "/clinic", entry.user(), new String(password));
                Statement statement = connection.createStatement()) {
            int version = (int) value(statement, "SELECT version FROM schema_version");
            Map<String, String> tables = new LinkedHashMap<>();
            String patients = version == 1 ? "clients_hipaa" : "patients";
            tables.put("patients", facts(statement, patients));
            for (String table : TABLES) {
                tables.put(table, facts(statement, table));
            }
            return new ClinicFacts(version, tables);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String facts(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery(
                "SELECT count(*) || ' rows, md5 ' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table
                        + " t")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
