package dev.flightdeck.inventory;

import java.util.Optional;

/**
 * A signal an inventory reads from its application's Prometheus page beyond the conventional ones (under
 * {@code signals:} of a {@code kind: prometheus} endpoint), e.g. seed 000's session success rate:
 * {@code session_success_rate: { ratio: 'app_sessions_total{outcome="success"}', of: app_sessions_total, scale: 100 }}.
 *
 * @param signal the series name rules and the panel use
 * @param metric what is read: the gauge, the counter of a rate, or the part of a ratio
 * @param whole  the counter a ratio divides by; present exactly for {@link Reading#RATIO}
 * @param scale  what the figure is multiplied by (100 for a 0–1 ratio shown as a percentage)
 */
public record PrometheusSignal(
        String signal, Reading reading, MetricSelector metric, Optional<MetricSelector> whole, double scale) {

    /** How the figure comes from the page. */
    public enum Reading {
        /** the value as it is, summed over the selected samples */
        GAUGE,
        /** a counter's increase per second between scrapes */
        RATE,
        /** a counter's increase divided by another's over the same interval; left out when the other did not increase */
        RATIO
    }
}
