package dev.flightdeck.db.admin;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-level operations run from the maintenance database: sizes, sessions, CREATE/ALTER/DROP DATABASE.
 * Database names are quoted identifiers; every value is a bound parameter.
 */
public final class MaintenanceSession {

    private final DatabasePool maintenance;

    /** @param maintenance a pool on the server's maintenance database (see {@link DatabaseNames#maintenanceFor}) */
    public MaintenanceSession(DatabasePool maintenance) {
        this.maintenance = maintenance;
    }

    public DatabasePool pool() {
        return maintenance;
    }

    public boolean exists(String database) {
        return maintenance.withConnection(null, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public long databaseSize(String database) {
        requireExists(database);
        return maintenance.withConnection(null, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_database_size(?::name)")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The server's data directory (needs superuser or pg_read_all_settings), where a snapshot's files go. */
    public String dataDirectory() {
        return maintenance.withConnection("SHOW data_directory", connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SHOW data_directory")) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    public int serverVersionNumber() {
        return maintenance.withConnection(null, connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Other sessions connected to the database (this session is never on it: it uses the maintenance database).
     * Autovacuum workers are not counted: CREATE DATABASE … TEMPLATE, a rename and a drop end them themselves, and
     * one that happened to be analysing the freshly loaded tables is nobody the operator could stop.
     */
    public List<BackendSession> sessionsOn(String database) {
        return maintenance.withConnection(null, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pid, coalesce(usename, ''),"
                    + " coalesce(application_name, ''), coalesce(client_addr::text, ''), coalesce(state, '')"
                    + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
                    + " AND backend_type <> 'autovacuum worker' ORDER BY pid")) {
                query.setString(1, database);
                List<BackendSession> sessions = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(new BackendSession(
                                rows.getInt(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5)));
                    }
                }
                return sessions;
            }
        });
    }

    /** Ends the given sessions, waiting up to 5 s each for them to go. */
    public void terminate(List<BackendSession> sessions) {
        maintenance.withConnection(null, connection -> {
            try (PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                for (BackendSession session : sessions) {
                    end.setInt(1, session.processId());
                    end.execute();
                }
            }
            return null;
        });
    }

    public void allowConnections(String database, boolean allowed) {
        execute("ALTER DATABASE " + Identifiers.quote(database) + " ALLOW_CONNECTIONS " + allowed);
    }

    /** {@code CREATE DATABASE copy TEMPLATE source}; FILE_COPY on PostgreSQL 15+ copies files instead of WAL-logging every block. */
    public void copyDatabase(String source, String copy) {
        String strategy = serverVersionNumber() >= 150000 ? " STRATEGY = FILE_COPY" : "";
        execute("CREATE DATABASE " + Identifiers.quote(copy) + " TEMPLATE " + Identifiers.quote(source) + strategy);
    }

    /**
     * An empty database with the same owner, encoding and locale as {@code like} (when it exists), so a dump
     * restored into it and swapped in behaves like the original.
     */
    public void createEmptyLike(String database, String like) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE " + Identifiers.quote(database) + " TEMPLATE template0");
        maintenance.withConnection(null, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_get_userbyid(datdba),"
                    + " pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = ?")) {
                query.setString(1, like);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        sql.append(" OWNER ")
                                .append(Identifiers.quote(rows.getString(1)))
                                .append(" ENCODING ")
                                .append(literal(rows.getString(2)))
                                .append(" LC_COLLATE ")
                                .append(literal(rows.getString(3)))
                                .append(" LC_CTYPE ")
                                .append(literal(rows.getString(4)));
                    }
                }
            }
            return null;
        });
        execute(sql.toString());
    }

    /** A catalog value as an SQL string literal (CREATE DATABASE options cannot be bound). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database));
    }

    /** Runs the statements in one transaction: all renames happen, or none. */
    public void inOneTransaction(List<String> statements) {
        maintenance.withConnection(String.join(";\n", statements), connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    public void requireExists(String database) {
        if (!exists(database)) {
            throw new DatabaseException(
                    DatabaseErrorCode.UNKNOWN_OBJECT,
                    "database " + database + " does not exist on "
                            + maintenance.target().address());
        }
    }

    private void execute(String sql) {
        maintenance.withConnection(sql, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }
}
