package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightdeck.inventory.MetricSelector;
import dev.flightdeck.inventory.PrometheusSignal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScrapeTranslatorTest {

    private final ScrapeTranslator translator = new ScrapeTranslator(PrometheusMapping.defaults());

    private Map<String, Double> scrape(String page, long seconds) throws PrometheusFormatException {
        List<ScrapeTranslator.Reading> readings =
                translator.translate(PrometheusTextParser.parse(page), seconds * 1000);
        Map<String, Double> bySignal = new LinkedHashMap<>();
        readings.forEach(reading -> bySignal.put(reading.signal(), reading.value()));
        return bySignal;
    }

    private static String requests(int ok, int failed) {
        return """
                # TYPE http_requests_total counter
                http_requests_total{method="GET",status="200"} %d
                http_requests_total{method="GET",status="503"} %d
                """.formatted(ok, failed);
    }

    @Test
    void theFirstScrapeGivesNoRatesBecauseNothingIsKnownYet() throws Exception {
        assertThat(scrape(requests(1000, 10), 0)).isEmpty();
    }

    @Test
    void countersBecomePerSecondRatesAndErrorRateIsTheShareOf5xxInPercent() throws Exception {
        scrape(requests(1000, 10), 0);

        Map<String, Double> second = scrape(requests(1980, 30), 10);

        assertThat(second.get("request_rate")).isEqualTo(100.0);
        assertThat(second.get("error_rate")).isEqualTo(2.0);
    }

    @Test
    void aCounterThatWentDownWasResetAndCountsFromZero() throws Exception {
        scrape(requests(50_000, 100), 0);

        Map<String, Double> afterRestart = scrape(requests(95, 5), 10);

        assertThat(afterRestart.get("request_rate")).isEqualTo(10.0);
        assertThat(afterRestart.get("error_rate")).isEqualTo(5.0);
    }

    @Test
    void aLabelledCounterCreatedSinceTheLastScrapeCountsInFull() throws Exception {
        scrape("http_requests_total{code=\"200\"} 100\n", 0);

        Map<String, Double> readings =
                scrape("http_requests_total{code=\"200\"} 190\nhttp_requests_total{code=\"500\"} 10\n", 10);

        assertThat(readings.get("error_rate"))
                .as("status read from the 'code' label")
                .isEqualTo(10.0);
    }

    @Test
    void noRequestsInTheIntervalLeavesErrorRateOutRatherThanZero() throws Exception {
        scrape(requests(100, 1), 0);

        Map<String, Double> idle = scrape(requests(100, 1), 10);

        assertThat(idle).containsEntry("request_rate", 0.0).doesNotContainKey("error_rate");
    }

    @Test
    void latencyPercentilesComeFromTheBucketsFilledSinceTheLastScrapeInMilliseconds() throws Exception {
        scrape(histogram(100, 100, 100, 100), 0);

        Map<String, Double> readings = scrape(histogram(120, 160, 190, 200), 15);

        assertThat(readings.get("latency_p50")).isCloseTo(87.5, within(1e-9));
        assertThat(readings.get("latency_p95")).isCloseTo(250 + 250 * 5.0 / 10, within(1e-9));
        assertThat(readings.get("latency_p99")).isCloseTo(250 + 250 * 9.0 / 10, within(1e-9));
    }

    @Test
    void gaugesAndMappedCountersUseTheConfiguredNames() throws Exception {
        ScrapeTranslator custom = new ScrapeTranslator(PrometheusMapping.defaults()
                .withRequests("app_requests", "http_status")
                .withGauge("db_pool", "hikaricp_connections_usage_ratio", 100)
                .withRate("db_rollbacks", "app_rollbacks_total", 1));
        custom.translate(
                PrometheusTextParser.parse("app_requests{http_status=\"500\"} 1\napp_rollbacks_total 10\n"), 0);

        List<ScrapeTranslator.Reading> readings = custom.translate(PrometheusTextParser.parse("""
                app_requests{http_status="500"} 3
                app_requests{http_status="200"} 2
                app_rollbacks_total 40
                hikaricp_connections_usage_ratio{pool="main"} 0.42
                node_load1 1.5
                """), 10_000);

        assertThat(readings)
                .extracting(ScrapeTranslator.Reading::signal)
                .containsExactlyInAnyOrder("load", "db_pool", "request_rate", "error_rate", "db_rollbacks");
        assertThat(readings)
                .contains(
                        new ScrapeTranslator.Reading("db_pool", 42.0),
                        new ScrapeTranslator.Reading("db_rollbacks", 3.0),
                        new ScrapeTranslator.Reading("error_rate", 100.0 * 2 / 4));
    }

    @Test
    void theInventorysRatioIsThePartOfTheWholesIncreaseLeftOutWhenTheWholeDidNotIncreaseAndZeroWhenNoPartYet()
            throws Exception {
        MetricSelector all = MetricSelector.parse("app_sessions_total").orElseThrow();
        MetricSelector succeeded =
                MetricSelector.parse("app_sessions_total{outcome=\"success\"}").orElseThrow();
        ScrapeTranslator sessions = new ScrapeTranslator(PrometheusMapping.defaults()
                .withSignals(List.of(
                        new PrometheusSignal(
                                "session_success_rate",
                                PrometheusSignal.Reading.RATIO,
                                succeeded,
                                Optional.of(all),
                                100),
                        new PrometheusSignal("sessions", PrometheusSignal.Reading.RATE, all, Optional.empty(), 1),
                        new PrometheusSignal(
                                "db_pool",
                                PrometheusSignal.Reading.GAUGE,
                                MetricSelector.parse("pool_usage{pool=\"main\"}")
                                        .orElseThrow(),
                                Optional.empty(),
                                100))));
        String page = """
                app_sessions_total{outcome="failure"} %d
                app_sessions_total{outcome="success"} %d
                pool_usage{pool="main"} 0.25
                pool_usage{pool="reports"} 0.5
                """;

        assertThat(readings(sessions, page.formatted(10, 990), 0)).containsExactly(Map.entry("db_pool", 25.0));
        Map<String, Double> tenSecondsLater = readings(sessions, page.formatted(12, 1188), 10);
        Map<String, Double> idle = readings(sessions, page.formatted(12, 1188), 20);
        Map<String, Double> onlyFailures = readings(sessions, "app_sessions_total{outcome=\"failure\"} 4\n", 30);

        assertThat(tenSecondsLater.get("session_success_rate")).isCloseTo(99.0, within(1e-9));
        assertThat(tenSecondsLater.get("sessions")).isEqualTo(20.0);
        assertThat(idle)
                .as("no session in the interval: no success rate, not 0 %% or 100 %%")
                .doesNotContainKey("session_success_rate")
                .containsEntry("sessions", 0.0);
        assertThat(onlyFailures)
                .as("the process restarted and every session since failed")
                .containsEntry("session_success_rate", 0.0);
    }

    private static Map<String, Double> readings(ScrapeTranslator translator, String page, long seconds)
            throws PrometheusFormatException {
        Map<String, Double> bySignal = new LinkedHashMap<>();
        translator
                .translate(PrometheusTextParser.parse(page), seconds * 1000)
                .forEach(reading -> bySignal.put(reading.signal(), reading.value()));
        return bySignal;
    }

    /** Cumulative buckets ≤ 0.05, ≤ 0.1, ≤ 0.25, ≤ 0.5 s (and +Inf = the last); split over two label sets. */
    static String histogram(int b50ms, int b100ms, int b250ms, int b500ms) {
        StringBuilder page = new StringBuilder("# TYPE http_request_duration_seconds histogram\n");
        String[] bounds = {"0.05", "0.1", "0.25", "0.5", "+Inf"};
        int[] counts = {b50ms, b100ms, b250ms, b500ms, b500ms};
        for (int i = 0; i < bounds.length; i++) {
            page.append("http_request_duration_seconds_bucket{route=\"/a\",le=\"")
                    .append(bounds[i])
                    .append("\"} ")
                    .append(counts[i] - counts[i] / 2)
                    .append('\n');
            page.append("http_request_duration_seconds_bucket{route=\"/b\",le=\"")
                    .append(bounds[i])
                    .append("\"} ")
                    .append(counts[i] / 2)
                    .append('\n');
        }
        page.append("http_request_duration_seconds_count ").append(b500ms).append('\n');
        return page.toString();
    }
}
