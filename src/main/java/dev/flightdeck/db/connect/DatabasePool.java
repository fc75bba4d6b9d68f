package dev.flightdeck.db.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A small HikariCP pool for one database, with the session settings every Flightdeck connection gets
 * (statement and lock timeouts, keepalive, application name). Failures come out as {@link DatabaseException}.
 * The pool can be quiesced (suspended, connections evicted) while a restore or snapshot swap needs the
 * database to itself, and resumed afterwards.
 */
public final class DatabasePool implements AutoCloseable {

    private final ConnectionTarget target;
    private final PoolSettings settings;
    private final ErrorTranslator errors;
    private static final Driver DRIVER = new Driver();

    private final PasswordSource passwords;
    private final String passwordKey;
    private final HikariDataSource dataSource;
    /** While quiesced nothing may connect, not even the probe: borrowers wait for {@link #resume()}. */
    private volatile boolean quiesced;

    private DatabasePool(ConnectionTarget target, PasswordSource passwords, PoolSettings settings) {
        this.target = target;
        this.settings = settings;
        this.errors = new ErrorTranslator(target, settings);
        this.passwords = passwords;
        this.passwordKey = PasswordPlugin.register(target, passwords);
        this.dataSource = new HikariDataSource(hikariConfig());
    }

    /** Opens a pool lazily: nothing connects until the first {@link #withConnection}. */
    public static DatabasePool open(ConnectionTarget target, PasswordSource passwords, PoolSettings settings) {
        return new DatabasePool(target, passwords, settings);
    }

    /** Work done on one borrowed connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs work on a pooled connection; SQL failures become {@link DatabaseException}s that quote the statement
     * position when the server reported one.
     *
     * @param statement the text being run, for error positions (may be null)
     */
    public <T> T withConnection(String statement, SqlWork<T> work) {
        return withConnection(statement, settings, work);
    }

    /** Like {@link #withConnection(String, SqlWork)} for work that changed its own timeouts (messages quote them). */
    public <T> T withConnection(String statement, PoolSettings effective, SqlWork<T> work) {
        if (!quiesced && dataSource.getHikariPoolMXBean().getTotalConnections() == 0) {
            probe();
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw (effective == settings ? errors : new ErrorTranslator(target, effective)).translate(e, statement);
        }
    }

    /**
     * One direct connection attempt when the pool holds none (first use, after a restart). HikariCP would retry a
     * wrong password or a missing database until its timeout; this reports it at once, with the driver's reason,
     * and a rejected prompted password is forgotten so the operator is asked again.
     */
    private void probe() {
        try (Connection direct = DRIVER.connect(target.jdbcUrl(), driverProperties())) {
            if (direct == null) {
                throw new SQLException("the PostgreSQL driver did not accept " + target.jdbcUrl());
            }
        } catch (SQLException e) {
            DatabaseException translated = errors.translate(e, null);
            if (translated.code() == DatabaseErrorCode.AUTHENTICATION_FAILED) {
                passwords.rejected(target);
            }
            throw translated;
        }
    }

    public ConnectionTarget target() {
        return target;
    }

    public PoolSettings settings() {
        return settings;
    }

    public ErrorTranslator errors() {
        return errors;
    }

    /**
     * Stops lending connections and closes the idle ones, so the database can be renamed, dropped or restored.
     * Borrowers block until {@link #resume()}; connections in use are closed when returned.
     */
    public void quiesce() {
        quiesced = true;
        dataSource.getHikariPoolMXBean().suspendPool();
        dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    /** Lends connections again; new ones are opened to whatever database now carries the name. */
    public void resume() {
        quiesced = false;
        dataSource.getHikariPoolMXBean().resumePool();
    }

    /** Connections currently open (idle + in use), for tests and the metrics panel. */
    public int openConnections() {
        return dataSource.getHikariPoolMXBean().getTotalConnections();
    }

    @Override
    public void close() {
        dataSource.close();
        PasswordPlugin.unregister(passwordKey);
    }

    private HikariConfig hikariConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("flightdeck-" + target.name());
        config.setJdbcUrl(target.jdbcUrl());
        config.setDataSourceProperties(driverProperties());
        config.setMaximumPoolSize(settings.maximumConnections());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectTimeout().plusSeconds(1).toMillis());
        config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 5_000));
        config.setInitializationFailTimeout(-1);
        config.setAllowPoolSuspension(true);
        config.setIdleTimeout(Duration.ofMinutes(10).toMillis());
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        return config;
    }

    private Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("sslmode", target.sslMode().written());
        target.rootCertificate().ifPresent(path -> properties.setProperty("sslrootcert", path));
        properties.setProperty("connectTimeout", seconds(settings.connectTimeout()));
        properties.setProperty("loginTimeout", seconds(settings.connectTimeout()));
        properties.setProperty("socketTimeout", seconds(settings.socketTimeout()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "flightdeck");
        properties.setProperty(
                "options",
                "-c statement_timeout=" + settings.statementTimeout().toMillis() + " -c lock_timeout="
                        + settings.lockTimeout().toMillis());
        properties.setProperty("authenticationPluginClassName", PasswordPlugin.class.getName());
        properties.setProperty(PasswordPlugin.PROPERTY, passwordKey);
        return properties;
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }
}
