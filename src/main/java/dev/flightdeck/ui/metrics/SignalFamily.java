package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.signal.SignalCatalog;
import java.util.List;

/**
 * The four charts of the panel (and a card of figures for signals only the inventory knows), each a family of signals an operator reads together. Signals on the left axis share
 * the family's main unit and carry its thresholds; signals on the right axis (a rate beside a percentage) get their
 * own scale and are drawn dashed. The figures are the few values shown large above the chart.
 */
public enum SignalFamily {
    HEALTH(
            "Health & latency",
            List.of("latency_p95", "latency_p50", "latency_p99", "health_latency"),
            List.of(),
            List.of("health", "latency_p95", "performance_degradation")),
    TRAFFIC(
            "Errors & requests",
            List.of("error_rate", "session_success_rate"),
            List.of("request_rate"),
            List.of("error_rate", "session_success_rate", "request_rate")),
    DATABASE(
            "Database",
            List.of("db_connections", "db_blocking_locks"),
            List.of("db_transactions", "db_rollbacks"),
            List.of(
                    "db_connection",
                    "db_connections",
                    "db_pool",
                    "db_longest_transaction",
                    "db_replication_lag",
                    "db_size_mb")),
    HOSTS("Hosts", List.of("cpu", "memory", "disk"), List.of("load"), List.of("cpu", "memory", "disk")),
    /**
     * Signals an inventory defines for itself ({@code signals:} of a Prometheus endpoint), which Flightdeck knows
     * nothing about, not even their unit: shown as figures, coloured by the rules that name them, never charted.
     */
    OTHER("Other signals", List.of(), List.of(), List.of());

    private final String title;
    private final List<String> leftAxis;
    private final List<String> rightAxis;
    private final List<String> figures;

    SignalFamily(String title, List<String> leftAxis, List<String> rightAxis, List<String> figures) {
        this.title = title;
        this.leftAxis = leftAxis;
        this.rightAxis = rightAxis;
        this.figures = figures;
    }

    public String title() {
        return title;
    }

    public List<String> leftAxis() {
        return leftAxis;
    }

    public List<String> rightAxis() {
        return rightAxis;
    }

    public boolean charts(String signal) {
        return leftAxis.contains(signal) || rightAxis.contains(signal);
    }

    public boolean holds(String signal) {
        return this == OTHER ? !SignalCatalog.knows(signal) : charts(signal) || figures.contains(signal);
    }

    /** Whether the signal is shown as a figure of this family. */
    public boolean showsFigure(String signal) {
        return this == OTHER ? holds(signal) : figures.contains(signal);
    }
}
