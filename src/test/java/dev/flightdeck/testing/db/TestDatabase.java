package dev.flightdeck.testing.db;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** A database that belongs to one test; dropped (with its snapshots) after the test. */
public record TestDatabase(EmbeddedPostgresServer server, String name) {

    /** Where Flightdeck should connect to reach this database, as the superuser. */
    public ConnectionTarget target() {
        return targetAs(EmbeddedPostgresServer.SUPERUSER);
    }

    public ConnectionTarget targetAs(String user) {
        return new ConnectionTarget(name, server.host(), server.port(), name, user, SslMode.DISABLE, Optional.empty());
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Runs setup SQL (several statements separated by semicolons are fine). */
    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("setup failed: " + sql, e);
        }
    }

    /** The first column of the first row, as text. */
    public String queryValue(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public long count(String table) {
        return Long.parseLong(queryValue("SELECT count(*) FROM " + table));
    }
}
