package dev.flightdeck.db.sql;

import dev.flightdeck.db.connect.PoolSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A step's own {@code timeout:} on a pooled connection: the server's statement timeout and the client's socket
 * timeout are both moved (the socket one stays above), and put back before the connection returns to the pool.
 */
final class StepTimeout {

    private final Connection connection;
    private final PoolSettings pool;
    private final boolean changed;

    private StepTimeout(Connection connection, PoolSettings pool, boolean changed) {
        this.connection = connection;
        this.pool = pool;
        this.changed = changed;
    }

    static StepTimeout apply(Connection connection, PoolSettings effective, PoolSettings pool) throws SQLException {
        if (effective.equals(pool)) {
            return new StepTimeout(connection, pool, false);
        }
        connection.setNetworkTimeout(
                Runnable::run, (int) effective.socketTimeout().toMillis());
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('statement_timeout', ?, false)")) {
            set.setString(1, effective.statementTimeout().toMillis() + "ms");
            set.execute();
        }
        return new StepTimeout(connection, pool, true);
    }

    /** Back to the pool's settings; a connection that died meanwhile is discarded by the pool anyway. */
    void restore() throws SQLException {
        if (!changed || connection.isClosed()) {
            return;
        }
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET statement_timeout");
        }
        connection.setNetworkTimeout(Runnable::run, (int) pool.socketTimeout().toMillis());
    }
}
