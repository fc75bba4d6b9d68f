package dev.flightdeck.runbook;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signals Flightdeck's collectors produce, by the names runbooks use, with the kind of quantity each one is
 * (so a rule's threshold can be checked against it when the runbook is loaded). The seeds' wording maps onto them
 * through aliases ("response time" is the p95 latency).
 */
public final class Signals {

    /** What a signal measures, which decides the thresholds a rule on it may use. */
    public enum Quantity {
        /** passed or failed: rules say {@code fails N consecutive} or {@code failures} */
        CHECK,
        /** a percentage: {@code > 1%} */
        PERCENT,
        /** a duration: {@code > 200ms}, {@code > 2s} */
        DURATION,
        /** events per second */
        RATE,
        /** a plain number: connections, locks, load */
        COUNT
    }

    private static final Map<String, Quantity> KNOWN = Map.ofEntries(
            Map.entry("health", Quantity.CHECK),
            Map.entry("db_connection", Quantity.CHECK),
            Map.entry("error_rate", Quantity.PERCENT),
            Map.entry("session_success_rate", Quantity.PERCENT),
            Map.entry("performance_degradation", Quantity.PERCENT),
            Map.entry("cpu", Quantity.PERCENT),
            Map.entry("memory", Quantity.PERCENT),
            Map.entry("disk", Quantity.PERCENT),
            Map.entry("db_pool", Quantity.PERCENT),
            Map.entry("db_connections_used", Quantity.PERCENT),
            Map.entry("latency_p50", Quantity.DURATION),
            Map.entry("latency_p95", Quantity.DURATION),
            Map.entry("latency_p99", Quantity.DURATION),
            Map.entry("db_longest_transaction", Quantity.DURATION),
            Map.entry("db_replication_lag", Quantity.DURATION),
            Map.entry("request_rate", Quantity.RATE),
            Map.entry("db_rollbacks", Quantity.RATE),
            Map.entry("db_transactions", Quantity.RATE),
            Map.entry("db_connections", Quantity.COUNT),
            Map.entry("db_connections_idle_in_transaction", Quantity.COUNT),
            Map.entry("db_blocking_locks", Quantity.COUNT),
            Map.entry("load", Quantity.COUNT));

    private static final Map<String, String> ALIASES = Map.of(
            "health_check", "health",
            "response_time", "latency_p95",
            "latency", "latency_p95",
            "database_connection", "db_connection",
            "db_connection_pool", "db_pool");

    private Signals() {}

    /** The canonical signal name, or empty when no collector produces it. */
    public static Optional<String> canonical(String name) {
        if (KNOWN.containsKey(name)) {
            return Optional.of(name);
        }
        return Optional.ofNullable(ALIASES.get(name));
    }

    public static Set<String> known() {
        return KNOWN.keySet();
    }

    /** What a canonical signal measures; empty for a signal only a Prometheus endpoint knows. */
    public static Optional<Quantity> quantityOf(String canonical) {
        return Optional.ofNullable(KNOWN.get(canonical));
    }
}
