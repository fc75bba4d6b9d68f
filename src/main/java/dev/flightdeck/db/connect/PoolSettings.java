package dev.flightdeck.db.connect;

import java.time.Duration;

/**
 * Timeouts and size of a console's connection pool. The socket timeout sits above the statement timeout so
 * the server cancels a slow statement itself (clean error) before the client gives up on the socket (which
 * only happens when the server or network stops answering).
 *
 * @param lockTimeout how long any statement waits for a lock, so a migration cannot hang behind a lock forever
 */
public record PoolSettings(
        int maximumConnections,
        Duration connectTimeout,
        Duration statementTimeout,
        Duration lockTimeout,
        Duration socketTimeout) {

    public PoolSettings {
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("socket timeout must exceed the statement timeout");
        }
        if (maximumConnections < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
    }

    /** A console runs one step at a time per database, plus the metrics panel: three connections suffice. */
    public static PoolSettings console() {
        return withStatementTimeout(Duration.ofMinutes(30));
    }

    /** Console defaults with another statement timeout; the socket timeout follows it with a margin. */
    public static PoolSettings withStatementTimeout(Duration statementTimeout) {
        return new PoolSettings(
                3,
                Duration.ofSeconds(10),
                statementTimeout,
                Duration.ofSeconds(30),
                statementTimeout.plus(margin(statementTimeout)));
    }

    /** The same pool with another statement timeout; the socket timeout follows it with the usual margin. */
    public PoolSettings withStatement(Duration statement) {
        return new PoolSettings(
                maximumConnections, connectTimeout, statement, lockTimeout, statement.plus(margin(statement)));
    }

    public PoolSettings withLockTimeout(Duration lock) {
        return new PoolSettings(maximumConnections, connectTimeout, statementTimeout, lock, socketTimeout);
    }

    public PoolSettings withConnectTimeout(Duration connect) {
        return new PoolSettings(maximumConnections, connect, statementTimeout, lockTimeout, socketTimeout);
    }

    private static Duration margin(Duration statementTimeout) {
        Duration tenth = statementTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : tenth;
    }
}
