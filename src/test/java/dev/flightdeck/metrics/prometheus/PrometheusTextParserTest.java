package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusTextParserTest {

    @Test
    void readsHelpTypeLabelsSpecialValuesAndTimestamps() throws Exception {
        PrometheusScrape scrape = PrometheusTextParser.parse("""
                # HELP http_requests_total The total number of HTTP requests.\\nSecond line with a \\\\ backslash.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000

                # A plain comment is ignored
                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
                metric_without_timestamp_and_labels 12.47
                something_weird{problem="division by zero"} +Inf -3982045
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.5",} 4773
                not_a_number NaN
                negative -Inf
                """);

        assertThat(scrape.types())
                .containsEntry("http_requests_total", "counter")
                .containsEntry("rpc_duration_seconds", "summary");
        assertThat(scrape.help().get("http_requests_total"))
                .isEqualTo("The total number of HTTP requests.\nSecond line with a \\ backslash.");
        assertThat(scrape.samples()).hasSize(8);
        PrometheusSample first = scrape.samples().get(0);
        assertThat(first.labels()).isEqualTo(Map.of("method", "post", "code", "200"));
        assertThat(first.value()).isEqualTo(1027);
        assertThat(first.timestampMillis()).isEqualTo(OptionalLong.of(1395066363000L));
        PrometheusSample escaped =
                scrape.named("msdos_file_access_time_seconds").get(0);
        assertThat(escaped.label("path")).isEqualTo("C:\\DIR\\FILE.TXT");
        assertThat(escaped.label("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
        assertThat(escaped.value()).isEqualTo(1.458255915e9);
        assertThat(scrape.named("something_weird").get(0).value()).isInfinite().isPositive();
        assertThat(scrape.named("something_weird").get(0).timestampMillis()).hasValue(-3982045);
        assertThat(scrape.named("rpc_duration_seconds").get(0).label("quantile"))
                .isEqualTo("0.5");
        assertThat(scrape.named("not_a_number").get(0).value()).isNaN();
        assertThat(scrape.named("negative").get(0).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scrape.named("metric_without_timestamp_and_labels").get(0).timestampMillis())
                .isEmpty();
    }

    @Test
    void brokenLinesAreReportedWithTheirLineNumber() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("ok 1\nbad{code=\"500} 3\n"))
                .isInstanceOf(PrometheusFormatException.class)
                .hasMessage("FD-METRICS-010: line 2: label value is not closed with '\"'");
        assertThatThrownBy(() -> PrometheusTextParser.parse("ok 1\n\nbad 12abc\n"))
                .hasMessage("FD-METRICS-010: line 3: '12abc' is not a number");
        assertThatThrownBy(() -> PrometheusTextParser.parse("bad{code=\"500\" x=\"1\"} 3"))
                .hasMessage("FD-METRICS-010: line 1: expected ',' or '}' after label 'code'");
        assertThatThrownBy(() -> PrometheusTextParser.parse("lonely"))
                .hasMessage("FD-METRICS-010: line 1: sample 'lonely' has no value");
        assertThatThrownBy(() -> PrometheusTextParser.parse("<html>oops</html>"))
                .hasMessageContaining("expected a metric name");
    }
}
