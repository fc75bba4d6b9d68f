package dev.flightdeck.metrics.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.metrics.FakeAppServer;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorsAgainstARealServerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-14T02:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Double> latest = new LinkedHashMap<>();
    private final SampleSink sink = (signal, time, value) -> latest.put(signal, value);
    private FakeAppServer app;

    @BeforeEach
    void startApp() throws IOException {
        app = new FakeAppServer();
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    private PrometheusCollector prometheus() {
        return new PrometheusCollector(
                "app",
                URI.create(app.url("/metrics")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                PrometheusMapping.defaults(),
                client,
                clock);
    }

    @Test
    void scrapesTurnGrowingCountersAndHistogramsIntoRatesAndPercentiles() throws Exception {
        PrometheusCollector collector = prometheus();
        app.served(5000, 20, 0.03);
        collector.collect(sink);
        assertThat(latest).containsOnlyKeys("load");

        app.served(1470, 30, 0.2);
        clock.advance(Duration.ofSeconds(15));
        collector.collect(sink);

        assertThat(latest.get("request_rate")).isEqualTo(100.0);
        assertThat(latest.get("error_rate")).isEqualTo(2.0);
        assertThat(latest.get("latency_p50"))
                .as("all 1500 new requests took 0.1 < t <= 0.25 s")
                .isCloseTo(175.0, within(1e-9));
        assertThat(latest.get("latency_p95")).isCloseTo(100 + 150 * 0.95, within(1e-9));
        assertThat(latest.get("load")).isEqualTo(0.73);
        assertThat(app.scrapes()).isEqualTo(2);
    }

    @Test
    void theInventorysOwnSignalsAreReadFromTheApplicationsPageSuchAsTheSessionSuccessRate() throws Exception {
        Inventory inventory = InventoryLoader.load("""
                endpoints:
                  app-metrics:
                    url: %s
                    kind: prometheus
                    signals:
                      session_success_rate: { ratio: 'app_sessions_total{outcome="success"}', of: app_sessions_total, scale: 100 }
                """.formatted(app.url("/metrics")), "inv.yaml")
                .orElseThrow();
        PrometheusCollector collector = new PrometheusCollector(
                "app-metrics",
                URI.create(app.url("/metrics")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                InventoryCollectors.mappingFor(
                        inventory.endpoint("app-metrics").orElseThrow().names()),
                client,
                clock);
        app.sessions(5000, 1);
        collector.collect(sink);
        app.sessions(995, 5);
        clock.advance(Duration.ofSeconds(15));

        collector.collect(sink);

        assertThat(latest.get("session_success_rate"))
                .as("995 of the 1,000 sessions since the last scrape")
                .isCloseTo(99.5, within(1e-9));
        assertThat(latest.get("request_rate"))
                .as("the conventional signals are still read")
                .isNotNull();
    }

    @Test
    void anApplicationRestartIsACounterResetNotANegativeRate() throws Exception {
        PrometheusCollector collector = prometheus();
        app.served(90_000, 0, 0.03);
        collector.collect(sink);
        app.restart();
        app.served(285, 15, 0.03);
        clock.advance(Duration.ofSeconds(15));

        collector.collect(sink);

        assertThat(latest.get("request_rate")).isEqualTo(20.0);
        assertThat(latest.get("error_rate")).isEqualTo(5.0);
        assertThat(latest.get("latency_p99")).isPositive();
    }

    @Test
    void aPageThatIsNotPrometheusTextIsAnUnreadableSourceNamingTheLine() {
        PrometheusCollector collector = new PrometheusCollector(
                "app",
                URI.create(app.url("/health")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                PrometheusMapping.defaults(),
                client,
                clock);

        assertThatThrownBy(() -> collector.collect(sink))
                .isInstanceOf(CollectorException.class)
                .hasMessageContaining("FD-METRICS-022")
                .hasMessageContaining("is not a Prometheus metrics page")
                .hasMessageContaining("line 1");
    }

    @Test
    void healthChecksCountFailuresInARowAndAPassResetsThem() throws Exception {
        HealthCollector health = new HealthCollector(
                "web-health",
                URI.create(app.url("/health")),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                client,
                clock);
        health.collect(sink);
        assertThat(latest).containsEntry("health", 1.0).containsEntry("health_consecutive_failures", 0.0);
        assertThat(latest.get("health_latency")).isPositive();

        app.healthStatus(503);
        health.collect(sink);
        health.collect(sink);
        assertThat(latest).containsEntry("health", 0.0).containsEntry("health_consecutive_failures", 2.0);
        assertThat(health.lastOutcome()).isEqualTo("status 503");

        app.healthStatus(200);
        health.collect(sink);
        assertThat(latest).containsEntry("health", 1.0).containsEntry("health_consecutive_failures", 0.0);
    }

    @Test
    void aRefusedConnectionIsAFailedCheckNotMissingData() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HealthCollector health = new HealthCollector(
                "web-health",
                URI.create("http://127.0.0.1:" + closedPort + "/health"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                client,
                clock);

        health.collect(sink);

        assertThat(latest)
                .containsEntry("health", 0.0)
                .containsEntry("health_consecutive_failures", 1.0)
                .doesNotContainKey("health_latency");
        assertThat(health.lastOutcome()).isEqualTo("cannot connect (connection refused)");
    }
}
