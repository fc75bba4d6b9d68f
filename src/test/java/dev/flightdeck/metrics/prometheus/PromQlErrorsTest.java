package dev.flightdeck.metrics.prometheus;

import static dev.flightdeck.metrics.prometheus.PromQlRulesTest.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.rules.AnalysisPause;
import dev.flightdeck.metrics.rules.RuleStatus;
import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query errors are counted apart from failures, say what failed, and past the limit pause the window once. */
@RequiresTool("prometheus")
class PromQlErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aPrometheusThatGoesDownReachesTheConsecutiveErrorLimitWithAClearMessage() throws Exception {
        try (GaugePage app = new GaugePage()) {
            app.set("test_error_percent", 0.3);
            RealPrometheus prometheus = RealPrometheus.start(
                    dir.resolve("prometheus"),
                    List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))));
            String inventory = """
                    prometheus:
                      url: %s
                      every: 1s
                      signals:
                        error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                        broken: 'sum(rate(test_error_percent[1m])'
                    """.formatted(prometheus.url());
            String triggers = """
                      - when: error_rate > 5%
                        consecutive-error-limit: 2
                      - when: broken > 1
                        consecutive-error-limit: 1000
                    """;
            try (PromQlInstruments instruments = new PromQlInstruments(inventory, triggers).start()) {
                awaitUntil(() -> statusOf(instruments, "broken > 1").detail().contains("query errors in a row"));
                assertThat(statusOf(instruments, "broken > 1").detail())
                        .as("a PromQL error says what Prometheus said")
                        .contains("query for 'broken' failed: HTTP 400", "bad_data", "parse error");
                awaitUntil(() -> instruments
                        .engine
                        .store()
                        .find(new dev.flightdeck.metrics.signal.SeriesId("app1", "error_rate"))
                        .isPresent());
                assertThat(instruments.engine.triggers().queryErrorsInARow("error_rate"))
                        .isZero();

                prometheus.stop();

                AnalysisPause pause = PromQlInstruments.next(instruments.pauses, "pause");
                assertThat(pause.kind()).isEqualTo(AnalysisPause.Kind.QUERY_ERRORS);
                assertThat(pause.trigger()).isEqualTo("error_rate > 5%");
                assertThat(pause.series()).isEmpty();
                assertThat(pause.evidence().get(0))
                        .isEqualTo("3 queries for 'error_rate' failed in a row (consecutive-error-limit 2); the "
                                + "instruments cannot judge the change");
                assertThat(pause.evidence().subList(1, 4))
                        .allSatisfy(line -> assertThat(line)
                                .contains("query for 'error_rate' failed: cannot reach " + prometheus.url()
                                        + "/api/v1/query (connection refused)"));
                awaitUntil(() -> instruments.engine.triggers().queryErrorsInARow("error_rate") >= 6);
                assertThat(instruments.pauses)
                        .as("one pause for one run of errors")
                        .isEmpty();
                assertThat(instruments.alarms)
                        .as("errors are not failures: nothing fired")
                        .isEmpty();
                assertThat(instruments.engine.triggers().armed()).isEmpty();
                assertThat(instruments.engine.collectorStatuses())
                        .filteredOn(status -> status.source().equals("prometheus"))
                        .singleElement()
                        .extracting(CollectorStatus::lastError)
                        .satisfies(error -> assertThat(error.orElseThrow()).contains("connection refused"));
            }
        }
    }

    private static RuleStatus statusOf(PromQlInstruments instruments, String trigger) {
        return instruments.engine.triggers().statuses().stream()
                .filter(status -> status.trigger().equals(trigger))
                .findFirst()
                .orElseThrow();
    }
}
