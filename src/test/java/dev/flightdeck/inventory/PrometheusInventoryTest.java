package dev.flightdeck.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inventory's {@code prometheus:} entry and endpoint groups: read, and refused with line and column. */
class PrometheusInventoryTest {

    private static Parsed<Inventory> load(String yaml) {
        return InventoryLoader.load(yaml, "i.yaml", Map.of());
    }

    @Test
    void theServerItsCredentialBaselineAndPromqlSignalsAreRead() {
        Inventory inventory = load("""
                        endpoints:
                          app1-metrics: { url: "http://127.0.0.1:9100/metrics", kind: prometheus, groups: [canary] }
                        prometheus:
                          url: https://prometheus.example:9090
                          ca-cert: /etc/ssl/hospital-ca.pem
                          bearer-token: { file: ~/.flightdeck/prometheus.token }
                          every: 30s
                          baseline: 7d same hour
                          signals:
                            error_rate: 'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) * 100'
                            latency_p95: { query: 'histogram_quantile(0.95, sum by (host, le) (rate(x_bucket[1m])))', by: host, scale: 1000 }
                        """).orElseThrow();
        PrometheusServer server = inventory.prometheus().orElseThrow();
        assertThat(server.url()).isEqualTo("https://prometheus.example:9090");
        assertThat(server.caCert()).contains("/etc/ssl/hospital-ca.pem");
        assertThat(server.auth())
                .contains(new PrometheusServer.Auth.Bearer(
                        new SecretRef(SecretRef.Source.FILE, "~/.flightdeck/prometheus.token")));
        assertThat(server.every()).contains(Duration.ofSeconds(30));
        assertThat(server.baseline())
                .contains(new PrometheusServer.BaselineRange(
                        Duration.ofHours(1), Duration.ofDays(7), true, "7d same hour"));
        assertThat(server.signals())
                .extracting(PrometheusServer.Query::signal)
                .containsExactly("error_rate", "latency_p95");
        assertThat(server.signals().get(1).by()).contains("host");
        assertThat(server.signals().get(1).scale()).isEqualTo(1000);
        assertThat(inventory.groupsOf("app1-metrics")).containsExactly("canary");
        assertThat(inventory.groupsOf("nobody")).isEmpty();
    }

    @Test
    void badEntriesAreErrorsAtTheirLine() {
        List<String> errors = load("""
                        prometheus:
                          url: http://ops:secret@prometheus.example:9090
                          ca-cert: /etc/ssl/ca.pem
                          bearer-token: hunter2
                          baseline: yesterday
                          signals:
                            Error-Rate: up
                            empty: ''
                            p95: { query: up, by: 'not a label', scale: -1 }
                        """).errors().stream().map(Problem::format).toList();
        assertThat(errors)
                .containsExactly(
                        "i.yaml:2:8: 'url' of 'prometheus' holds a user and password in the clear; use basic-auth with "
                                + "a password from a file instead",
                        "i.yaml:3:12: 'ca-cert' of 'prometheus' needs an https:// url",
                        "i.yaml:4:17: 'bearer-token' of 'prometheus' is a secret: write { env: NAME }, { file: PATH } "
                                + "or prompt, never the value itself",
                        "i.yaml:5:13: 'baseline' of 'prometheus' must be 'DURATION before' (e.g. 1h before: the hour "
                                + "before the change) or 'DURATION same hour' (e.g. 7d same hour), not 'yesterday'",
                        "i.yaml:7:5: 'Error-Rate' is not a signal name: lower-case letters, digits and '_' (e.g. error_rate)",
                        "i.yaml:8:12: signal 'empty' of 'prometheus' needs its PromQL",
                        "i.yaml:9:27: 'by' of signal 'p95' must be a label name such as instance or host, not 'not a label'",
                        "i.yaml:9:49: 'scale' in signal 'p95' of 'prometheus' must be a positive number, not '-1'");
        assertThat(load("prometheus: { url: 'http://p:9090' }\n").errors())
                .singleElement()
                .asString()
                .contains("'prometheus' needs 'signals:'");
        assertThat(load("prometheus: { url: 'http://p:9090', signals: { up: up } }\n")
                        .orElseThrow()
                        .prometheus())
                .map(server -> server.auth())
                .contains(Optional.empty());
    }
}
