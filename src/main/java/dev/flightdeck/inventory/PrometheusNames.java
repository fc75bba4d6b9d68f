package dev.flightdeck.inventory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How an application's {@code /metrics} page names what Flightdeck derives its signals from, when it does not use the
 * conventional names ({@code requests:}, {@code status-label:}, {@code latency:}, {@code latency-unit:} on a
 * {@code kind: prometheus} endpoint). Empty fields keep the defaults.
 *
 * @param requests        the counter of served requests, labelled by status
 * @param statusLabel     the label holding the HTTP status
 * @param latency         the histogram of request durations (its name without {@code _bucket})
 * @param latencyToMillis factor from the histogram's unit to milliseconds ({@code s} = 1000, {@code ms} = 1, {@code us} = 0.001)
 * @param signals         further signals read from the page ({@code signals:})
 */
public record PrometheusNames(
        Optional<String> requests,
        Optional<String> statusLabel,
        Optional<String> latency,
        OptionalDouble latencyToMillis,
        List<PrometheusSignal> signals) {

    public static final PrometheusNames DEFAULTS = new PrometheusNames(
            Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(), List.of());

    public PrometheusNames {
        signals = List.copyOf(signals);
    }
}
