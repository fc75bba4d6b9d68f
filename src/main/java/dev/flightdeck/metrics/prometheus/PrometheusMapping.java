package dev.flightdeck.metrics.prometheus;

import dev.flightdeck.inventory.PrometheusSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which metrics of a {@code /metrics} page become which Flightdeck signals. The defaults read the conventional
 * names (an application instrumented with a Prometheus client, node_exporter, postgres_exporter); an endpoint whose
 * application names things differently gets its own mapping with the {@code with...} methods.
 *
 * @param requestsCounter  counter of served requests, labelled by status: gives {@code request_rate} and {@code error_rate}
 * @param statusLabels     the label holding the HTTP status, first one present wins ({@code status}, {@code code})
 * @param latencyHistogram histogram of request durations: gives {@code latency_p50/p95/p99}
 * @param latencyToMillis  factor from the histogram's unit to milliseconds (1000 for the conventional seconds)
 * @param gauges           metrics read as they are (summed over their labels)
 * @param rates            counters turned into per-second rates (summed over their labels)
 * @param signals          further signals the inventory reads from the page (gauges, rates and ratios of selected samples)
 */
public record PrometheusMapping(
        String requestsCounter,
        List<String> statusLabels,
        String latencyHistogram,
        double latencyToMillis,
        List<Gauge> gauges,
        List<Rate> rates,
        List<PrometheusSignal> signals) {

    /** A gauge metric read as a signal, times {@code scale}. */
    public record Gauge(String signal, String metric, double scale) {}

    /** A counter read as a per-second rate, times {@code scale}. */
    public record Rate(String signal, String counter, double scale) {}

    public PrometheusMapping {
        statusLabels = List.copyOf(statusLabels);
        gauges = List.copyOf(gauges);
        rates = List.copyOf(rates);
        signals = List.copyOf(signals);
    }

    public static PrometheusMapping defaults() {
        return new PrometheusMapping(
                "http_requests_total",
                List.of("status", "code"),
                "http_request_duration_seconds",
                1000,
                List.of(new Gauge("load", "node_load1", 1), new Gauge("db_connections", "pg_stat_activity_count", 1)),
                List.of(
                        new Rate("db_rollbacks", "pg_stat_database_xact_rollback", 1),
                        new Rate("db_transactions", "pg_stat_database_xact_commit", 1)),
                List.of());
    }

    public PrometheusMapping withRequests(String counter, String statusLabel) {
        return new PrometheusMapping(
                counter, List.of(statusLabel), latencyHistogram, latencyToMillis, gauges, rates, signals);
    }

    public PrometheusMapping withLatency(String histogram, double toMillis) {
        return new PrometheusMapping(requestsCounter, statusLabels, histogram, toMillis, gauges, rates, signals);
    }

    public PrometheusMapping withGauge(String signal, String metric, double scale) {
        List<Gauge> more = new ArrayList<>(gauges);
        more.removeIf(gauge -> gauge.signal().equals(signal));
        more.add(new Gauge(signal, metric, scale));
        return new PrometheusMapping(
                requestsCounter, statusLabels, latencyHistogram, latencyToMillis, more, rates, signals);
    }

    /** With these further signals; one of the same name replaces what the mapping read for it before. */
    public PrometheusMapping withSignals(List<PrometheusSignal> more) {
        List<String> names = more.stream().map(PrometheusSignal::signal).toList();
        List<Gauge> keptGauges =
                gauges.stream().filter(gauge -> !names.contains(gauge.signal())).toList();
        List<Rate> keptRates =
                rates.stream().filter(rate -> !names.contains(rate.signal())).toList();
        return new PrometheusMapping(
                requestsCounter, statusLabels, latencyHistogram, latencyToMillis, keptGauges, keptRates, more);
    }

    public PrometheusMapping withRate(String signal, String counter, double scale) {
        List<Rate> more = new ArrayList<>(rates);
        more.removeIf(rate -> rate.signal().equals(signal));
        more.add(new Rate(signal, counter, scale));
        return new PrometheusMapping(
                requestsCounter, statusLabels, latencyHistogram, latencyToMillis, gauges, more, signals);
    }
}
