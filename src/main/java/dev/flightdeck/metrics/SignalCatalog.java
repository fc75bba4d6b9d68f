package dev.flightdeck.metrics;

import java.util.Map;

/** Which unit each signal is stored in; the rule evaluator converts thresholds into it. */
public final class SignalCatalog {

    private static final Map<String, SignalUnit> UNITS = Map.ofEntries(
            Map.entry("health", SignalUnit.CHECK),
            Map.entry("db_connection", SignalUnit.CHECK),
            Map.entry("error_rate", SignalUnit.PERCENT),
            Map.entry("session_success_rate", SignalUnit.PERCENT),
            Map.entry("performance_degradation", SignalUnit.PERCENT),
            Map.entry("cpu", SignalUnit.PERCENT),
            Map.entry("memory", SignalUnit.PERCENT),
            Map.entry("disk", SignalUnit.PERCENT),
            Map.entry("db_pool", SignalUnit.PERCENT),
            Map.entry("latency_p50", SignalUnit.MILLISECONDS),
            Map.entry("latency_p95", SignalUnit.MILLISECONDS),
            Map.entry("latency_p99", SignalUnit.MILLISECONDS),
            Map.entry("health_latency", SignalUnit.MILLISECONDS),
            Map.entry("db_longest_transaction", SignalUnit.MILLISECONDS),
            Map.entry("db_replication_lag", SignalUnit.MILLISECONDS),
            Map.entry("request_rate", SignalUnit.PER_SECOND),
            Map.entry("db_rollbacks", SignalUnit.PER_SECOND),
            Map.entry("db_transactions", SignalUnit.PER_SECOND),
            Map.entry("db_connections", SignalUnit.NUMBER),
            Map.entry("db_blocking_locks", SignalUnit.NUMBER),
            Map.entry("load", SignalUnit.NUMBER),
            Map.entry("health_consecutive_failures", SignalUnit.NUMBER));

    private SignalCatalog() {
    }

    /** Whether the signal's unit is known (a signal only a custom collector produces is not). */
    public static boolean knows(String signal) {
        return UNITS.containsKey(signal);
    }

    /** The unit of a signal; signals Flightdeck does not know are plain numbers. */
    public static SignalUnit unitOf(String signal) {
        return UNITS.getOrDefault(signal, SignalUnit.NUMBER);
    }
}
