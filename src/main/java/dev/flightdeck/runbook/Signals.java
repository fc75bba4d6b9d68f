package dev.flightdeck.runbook;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signals Flightdeck's collectors produce, by the names runbooks use. The seeds' wording maps onto
 * them through aliases ("response time" is the p95 latency).
 */
public final class Signals {

    private static final Set<String> KNOWN = Set.of(
            "health", "error_rate", "latency_p50", "latency_p95", "latency_p99", "request_rate",
            "performance_degradation", "session_success_rate",
            "db_connection", "db_connections", "db_pool", "db_blocking_locks", "db_longest_transaction",
            "db_replication_lag", "db_rollbacks", "cpu", "memory", "disk", "load");

    private static final Map<String, String> ALIASES = Map.of(
            "health_check", "health",
            "response_time", "latency_p95",
            "latency", "latency_p95",
            "database_connection", "db_connection",
            "db_connection_pool", "db_pool");

    private Signals() {
    }

    /** The canonical signal name, or empty when no collector produces it. */
    public static Optional<String> canonical(String name) {
        if (KNOWN.contains(name)) {
            return Optional.of(name);
        }
        return Optional.ofNullable(ALIASES.get(name));
    }

    public static Set<String> known() {
        return KNOWN;
    }
}
