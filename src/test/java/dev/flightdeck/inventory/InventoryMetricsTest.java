package dev.flightdeck.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.yaml.Parsed;
import dev.flightdeck.yaml.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the inventory tells the instruments: which hosts and databases to read, and a Prometheus page's own names. */
class InventoryMetricsTest {

    @Test
    void hostsAndDatabasesAreReadByDefaultAndMetricsFalseOptsOut() {
        Inventory inventory = InventoryLoader.load("""
                hosts:
                  app1: { address: 10.0.4.11 }
                  bastion: { address: 10.0.4.1, metrics: false }
                  web1:
                databases:
                  healthcare: { host: db1, database: healthcare_db, user: fd }
                  reporting: { host: db2, database: reports, user: fd, metrics: false }
                """, "inv.yaml").orElseThrow();

        assertThat(inventory.host("app1").orElseThrow().metrics()).isEqualTo(MetricsSettings.ON);
        assertThat(inventory.host("web1").orElseThrow().metrics()).isEqualTo(MetricsSettings.ON);
        assertThat(inventory.host("bastion").orElseThrow().metrics().enabled()).isFalse();
        assertThat(inventory.database("healthcare").orElseThrow().metrics().enabled()).isTrue();
        assertThat(inventory.database("reporting").orElseThrow().metrics().enabled()).isFalse();
    }

    @Test
    void aHostNamesItsDisksAndPace() {
        Inventory inventory = InventoryLoader.load("""
                hosts:
                  db1: { address: 10.0.4.20, metrics: { every: 30s, disks: [/, /var/lib/postgresql] } }
                databases:
                  healthcare: { host: db1, database: healthcare_db, user: fd, metrics: { every: 5s } }
                """, "inv.yaml").orElseThrow();

        MetricsSettings db1 = inventory.host("db1").orElseThrow().metrics();
        assertThat(db1.every()).contains(Duration.ofSeconds(30));
        assertThat(db1.disks()).containsExactly("/", "/var/lib/postgresql");
        assertThat(inventory.database("healthcare").orElseThrow().metrics().every()).contains(Duration.ofSeconds(5));
    }

    @Test
    void aPrometheusEndpointGivesItsApplicationsMetricNames() {
        Inventory inventory = InventoryLoader.load("""
                endpoints:
                  app-metrics:
                    url: http://10.0.4.11:9100/metrics
                    kind: prometheus
                    requests: app_requests_total
                    status-label: http_status
                    latency: app_latency_ms
                    latency-unit: ms
                """, "inv.yaml").orElseThrow();

        PrometheusNames names = inventory.endpoint("app-metrics").orElseThrow().names();
        assertThat(names.requests()).contains("app_requests_total");
        assertThat(names.statusLabel()).contains("http_status");
        assertThat(names.latency()).contains("app_latency_ms");
        assertThat(names.latencyToMillis()).hasValue(1.0);
    }

    @Test
    void mistakesAreReportedWithLineAndColumn() {
        Parsed<Inventory> parsed = InventoryLoader.load("""
                hosts:
                  app1: { address: 10.0.4.11, metrics: maybe }
                  app2: { address: 10.0.4.12, metrics: { every: 100ms, disks: [var], interval: 5s } }
                endpoints:
                  health: { url: "http://10.0.4.11/health", kind: health, requests: app_requests_total }
                  app-metrics: { url: "http://10.0.4.11/metrics", kind: prometheus, latency-unit: sec }
                """, "inv.yaml");

        assertThat(parsed.problems()).extracting(Problem::format).containsExactly(
                "inv.yaml:2:40: 'metrics' in host 'app1' must be true or false, not 'maybe'",
                "inv.yaml:3:49: 'every' in 'metrics' of host 'app2' must be at least 1s: a reading runs a command or a query",
                "inv.yaml:3:63: 'disks' in 'metrics' of host 'app2' must be absolute paths such as /var/lib/postgresql, not 'var'",
                "inv.yaml:3:70: unknown key 'interval' in 'metrics' of host 'app2'",
                "inv.yaml:5:69: 'requests' names a metric of a Prometheus page: it needs 'kind: prometheus' in endpoint 'health'",
                "inv.yaml:6:83: 'latency-unit' in endpoint 'app-metrics' must be s, ms or us, not 'sec'");
        assertThat(parsed.value().flatMap(inventory -> inventory.host("app2")).map(HostEntry::metrics).map(MetricsSettings::disks))
                .isEqualTo(Optional.of(List.of()));
    }
}
