package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.inventory.MetricSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What real exporters write: OpenMetrics pages, and label values with escapes that an inventory must be able to select. */
class OpenMetricsAndEscapesTest {

    private static final String OPENMETRICS = """
            # TYPE app_requests counter
            # HELP app_requests Requests served.
            app_requests_total{code="200"} 1027 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67 1520879602.890
            app_requests_created{code="200"} 1520430000.123
            app_requests_total{code="500"} 3
            app_requests_created{code="500"} 1520430000.123
            # TYPE app_latency_seconds histogram
            app_latency_seconds_bucket{le="0.1"} 8 # {trace_id="x"} 0.05
            app_latency_seconds_bucket{le="+Inf"} 10
            app_latency_seconds_count 10
            app_latency_seconds_sum 1.5
            # EOF
            """;

    @Test
    void anOpenMetricsPageWithExemplarsCreatedSamplesAndEofIsRead() throws Exception {
        PrometheusScrape scrape = PrometheusTextParser.parse(OPENMETRICS);

        assertThat(scrape.named("app_requests_total"))
                .extracting(PrometheusSample::value)
                .containsExactly(1027.0, 3.0);
        assertThat(scrape.named("app_requests_total").get(0).timestampMillis()).hasValue(1520879607789L);
        assertThat(scrape.named("app_requests_created")).hasSize(2);
        assertThat(scrape.named("app_latency_seconds_bucket"))
                .extracting(PrometheusSample::value)
                .containsExactly(8.0, 10.0);
        assertThat(scrape.types()).containsEntry("app_requests", "counter");
    }

    @Test
    void nothingAfterEofIsRead() throws Exception {
        PrometheusScrape scrape = PrometheusTextParser.parse("up 1\n# EOF\nthis is not a sample\n");

        assertThat(scrape.samples()).extracting(PrometheusSample::name).containsExactly("up");
    }

    @Test
    void aLabelValueWithEscapesIsSelectedAsTheExporterMeantIt() throws Exception {
        PrometheusScrape scrape = PrometheusTextParser.parse("""
                app_files_total{path="C:\\\\data\\\\in",note="say \\"hi\\""} 4
                app_files_total{path="C:\\\\data\\\\out",note="plain"} 6
                """);
        MetricSelector selector = MetricSelector.parse(
                        "app_files_total{path=\"C:\\\\data\\\\in\", note=\"say \\\"hi\\\"\"}")
                .orElseThrow();

        assertThat(selector.labels()).isEqualTo(Map.of("path", "C:\\data\\in", "note", "say \"hi\""));
        List<PrometheusSample> selected = scrape.samples().stream()
                .filter(s -> selector.matches(s.name(), s.labels()))
                .toList();
        assertThat(selected).extracting(PrometheusSample::value).containsExactly(4.0);
    }

    @Test
    void anInventorySelectorMayEscapeQuotesAndBackslashes() {
        Parsed<Inventory> parsed = InventoryLoader.load("""
                endpoints:
                  app-metrics:
                    url: "http://127.0.0.1:9100/metrics"
                    kind: prometheus
                    signals:
                      logins_ok: { ratio: 'app_logins_total{realm="EXAMPLE\\\\clinic",result="ok"}', of: app_logins_total, scale: 100 }
                """, "escapes.inventory.yaml", Map.of());

        assertThat(parsed.problems()).isEmpty();
        Optional<MetricSelector> metric = parsed.value().orElseThrow().endpoints().get(0).names().signals().stream()
                .map(signal -> signal.metric())
                .findFirst();
        assertThat(metric.orElseThrow().labels()).containsEntry("realm", "EXAMPLE\\clinic");
    }
}
