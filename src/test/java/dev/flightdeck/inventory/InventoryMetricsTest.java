package dev.flightdeck.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        assertThat(inventory.database("healthcare").orElseThrow().metrics().enabled())
                .isTrue();
        assertThat(inventory.database("reporting").orElseThrow().metrics().enabled())
                .isFalse();
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
        assertThat(inventory.database("healthcare").orElseThrow().metrics().every())
                .contains(Duration.ofSeconds(5));
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
    void aPrometheusEndpointReadsFurtherSignalsAsGaugesRatesAndRatiosOfSelectedSamples() {
        Inventory inventory = InventoryLoader.load("""
                endpoints:
                  app-metrics:
                    url: http://10.0.4.11:9100/metrics
                    kind: prometheus
                    signals:
                      session_success_rate: { ratio: 'app_sessions_total{outcome="success"}', of: app_sessions_total, scale: 100 }
                      db_pool: { gauge: hikaricp_connections_usage_ratio, scale: 100 }
                      logins: { rate: 'app_logins_total{ result = "ok", realm="clinic" }' }
                """, "inv.yaml").orElseThrow();

        assertThat(inventory.endpoint("app-metrics").orElseThrow().names().signals())
                .containsExactly(
                        new PrometheusSignal(
                                "session_success_rate",
                                PrometheusSignal.Reading.RATIO,
                                new MetricSelector("app_sessions_total", Map.of("outcome", "success")),
                                Optional.of(new MetricSelector("app_sessions_total", Map.of())),
                                100),
                        new PrometheusSignal(
                                "db_pool",
                                PrometheusSignal.Reading.GAUGE,
                                new MetricSelector("hikaricp_connections_usage_ratio", Map.of()),
                                Optional.empty(),
                                100),
                        new PrometheusSignal(
                                "logins",
                                PrometheusSignal.Reading.RATE,
                                new MetricSelector("app_logins_total", Map.of("result", "ok", "realm", "clinic")),
                                Optional.empty(),
                                1));
    }

    @Test
    void mistakesInFurtherSignalsAreReportedWithLineAndColumn() {
        Parsed<Inventory> parsed = InventoryLoader.load("""
                endpoints:
                  app-metrics:
                    url: http://10.0.4.11:9100/metrics
                    kind: prometheus
                    signals:
                      session_success_rate: { ratio: app_sessions_ok_total }
                      pool: { gauge: hikari_usage, rate: hikari_total }
                      logins: { rate: 'app_logins_total{result=ok}', of: app_total }
                      Latency: { gauge: app_latency }
                      usage: { gauge: app_usage, scale: -1 }
                  health: { url: "http://10.0.4.11/health", kind: health, signals: { up: { gauge: up } } }
                """, "inv.yaml");

        assertThat(parsed.problems())
                .extracting(Problem::format)
                .containsExactly(
                        "inv.yaml:6:29: signal 'session_success_rate' of endpoint 'app-metrics' is a ratio: add 'of:' naming the counter it divides by",
                        "inv.yaml:7:13: signal 'pool' of endpoint 'app-metrics' needs exactly one of 'gauge', 'rate' or 'ratio' naming its metric, not 2",
                        "inv.yaml:8:23: 'rate' in signal 'logins' of endpoint 'app-metrics' must be a metric name, optionally with label matches such as "
                                + "app_sessions_total{outcome=\"success\"}, not 'app_logins_total{result=ok}'",
                        "inv.yaml:8:58: 'of' in signal 'logins' of endpoint 'app-metrics' applies only to a ratio",
                        "inv.yaml:9:7: signal 'Latency' in 'signals' of endpoint 'app-metrics' must be a lower-case name of letters, digits and '_', such as session_success_rate",
                        "inv.yaml:10:41: 'scale' in signal 'usage' of endpoint 'app-metrics' must be a number above 0 (100 shows a 0-1 ratio as a percentage), not '-1'",
                        "inv.yaml:11:68: 'signals' names a metric of a Prometheus page: it needs 'kind: prometheus' in endpoint 'health'");
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

        assertThat(parsed.problems())
                .extracting(Problem::format)
                .containsExactly(
                        "inv.yaml:2:40: 'metrics' in host 'app1' must be true or false, not 'maybe'",
                        "inv.yaml:3:49: 'every' in 'metrics' of host 'app2' must be at least 1s: a reading runs a command or a query",
                        "inv.yaml:3:63: 'disks' in 'metrics' of host 'app2' must be absolute paths such as /var/lib/postgresql, not 'var'",
                        "inv.yaml:3:70: unknown key 'interval' in 'metrics' of host 'app2'",
                        "inv.yaml:5:69: 'requests' names a metric of a Prometheus page: it needs 'kind: prometheus' in endpoint 'health'",
                        "inv.yaml:6:83: 'latency-unit' in endpoint 'app-metrics' must be s, ms or us, not 'sec'");
        assertThat(parsed.value()
                        .flatMap(inventory -> inventory.host("app2"))
                        .map(HostEntry::metrics)
                        .map(MetricsSettings::disks))
                .isEqualTo(Optional.of(List.of()));
    }
}
