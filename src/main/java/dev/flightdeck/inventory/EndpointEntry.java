package dev.flightdeck.inventory;

import dev.flightdeck.yaml.Position;
import java.time.Duration;

/**
 * An HTTP endpoint: a health check, an API, or a Prometheus {@code /metrics} page.
 */
public record EndpointEntry(String name, String url, Kind kind, Duration timeout, Position position) {

    public enum Kind { HTTP, HEALTH, PROMETHEUS }
}
