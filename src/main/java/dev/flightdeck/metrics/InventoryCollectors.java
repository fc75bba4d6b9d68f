package dev.flightdeck.metrics;

import dev.flightdeck.inventory.EndpointEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.HealthCollector;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The collectors an inventory's endpoints call for: {@code kind: health} and {@code kind: prometheus}. */
public final class InventoryCollectors {

    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);

    private InventoryCollectors() {
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param mappings the Prometheus mapping for each endpoint name ({@code name -> PrometheusMapping.defaults()} for all)
     */
    public static List<Collector> of(Inventory inventory, HttpClient client, Clock clock, Duration healthInterval,
                                     Duration scrapeInterval, Function<String, PrometheusMapping> mappings) {
        List<Collector> collectors = new ArrayList<>();
        for (EndpointEntry endpoint : inventory.endpoints()) {
            URI uri = URI.create(endpoint.url());
            if (endpoint.kind() == EndpointEntry.Kind.HEALTH) {
                collectors.add(new HealthCollector(endpoint.name(), uri, endpoint.timeout(), healthInterval, client, clock));
            } else if (endpoint.kind() == EndpointEntry.Kind.PROMETHEUS) {
                collectors.add(new PrometheusCollector(endpoint.name(), uri, endpoint.timeout(), scrapeInterval,
                        mappings.apply(endpoint.name()), client, clock));
            }
        }
        return collectors;
    }
}
