package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;
import java.util.List;

/**
 * An HTTP endpoint: a health check, an API, or a Prometheus {@code /metrics} page.
 *
 * @param groups the groups its figures belong to, for canary rules ({@code groups: [canary]})
 * @param names prometheus endpoints: the application's own metric names, where they differ from the conventional ones
 */
public record EndpointEntry(
        String name,
        String url,
        Kind kind,
        Duration timeout,
        Position position,
        PrometheusNames names,
        List<String> groups) {

    public EndpointEntry {
        groups = List.copyOf(groups);
    }

    public EndpointEntry(
            String name, String url, Kind kind, Duration timeout, Position position, PrometheusNames names) {
        this(name, url, kind, timeout, position, names, List.of());
    }

    public enum Kind {
        HTTP,
        HEALTH,
        PROMETHEUS
    }

    public EndpointEntry(String name, String url, Kind kind, Duration timeout, Position position) {
        this(name, url, kind, timeout, position, PrometheusNames.DEFAULTS);
    }
}
