package dev.flightdeck.db.preflight;

import java.time.Duration;

/**
 * When a preflight observation becomes a warning.
 *
 * @param longTransaction   a transaction open longer than this holds back vacuum and may hold locks a migration needs
 * @param replicationLag    replicas further behind than this would lose recent writes on failover
 * @param spareConnections  fewer free connection slots than this and the window's own connections may be refused
 */
public record PreflightThresholds(Duration longTransaction, Duration replicationLag, int spareConnections) {

    public static PreflightThresholds defaults() {
        return new PreflightThresholds(Duration.ofMinutes(5), Duration.ofSeconds(30), 5);
    }
}
