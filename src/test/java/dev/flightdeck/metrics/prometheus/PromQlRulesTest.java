package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.AnalysisPause;
import dev.flightdeck.metrics.rules.RuleState;
import dev.flightdeck.metrics.rules.RuleStatus;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules on PromQL signals, evaluated against Debian's Prometheus scraping two application pages in this JVM (host
 * app1 and app2, labelled by the scrape configuration) every second.
 */
@RequiresTool("prometheus")
class PromQlRulesTest {

    @TempDir
    static Path dir;

    static GaugePage app1;
    static GaugePage app2;
    static RealPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        app1 = new GaugePage();
        app2 = new GaugePage();
        healthy();
        prometheus = RealPrometheus.start(
                dir.resolve("prometheus"),
                List.of(
                        new RealPrometheus.Target(app1.address(), Map.of("host", "app1")),
                        new RealPrometheus.Target(app2.address(), Map.of("host", "app2"))));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        app1.close();
        app2.close();
    }

    @BeforeEach
    void startHealthy() {
        healthy();
    }

    private static void healthy() {
        for (GaugePage app : new GaugePage[] {app1, app2}) {
            app.set("test_error_percent", 0.4);
            app.set("test_latency_seconds", 0.040);
        }
    }

    private static String inventory() {
        return """
                prometheus:
                  url: %s
                  every: 1s
                  baseline: 10s before
                  signals:
                    error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                    latency_p95: { query: 'max by (host) (test_latency_seconds)', by: host, scale: 1000 }
                    fleet_errors: 'sum(test_error_percent)'
                """.formatted(prometheus.url());
    }

    @Test
    void aPromqlSignalCrossingItsThresholdFiresTheRuleOnlyAfterItHeldForItsDuration() throws Exception {
        try (PromQlInstruments instruments =
                new PromQlInstruments(inventory(), "  - error_rate > 5% for 2s\n").start()) {
            awaitState(instruments, "app1", RuleState.OK);
            assertThat(instruments.alarms).as("healthy: nothing fires").isEmpty();

            Instant switched = Instant.now();
            app1.set("test_error_percent", 9);
            Alarm alarm = PromQlInstruments.next(instruments.alarms, "alarm");

            assertThat(alarm.series()).isEqualTo(new SeriesId("app1", "error_rate"));
            // a reading stamped just before the switch may already see it (Prometheus answers at the query's
            // arrival), so the firing comes at least one reading interval short of 2 s after the switch
            assertThat(alarm.firedAt())
                    .as("held 2 s from the first failing evaluation")
                    .isAfterOrEqualTo(switched.plusSeconds(1))
                    .isBefore(switched.plusSeconds(30));
            assertThat(alarm.evidence().get(0))
                    .as("held for at least the rule's 2 s")
                    .matches("app1: held ([2-9]|[1-9][0-9])s from .*")
                    .contains("9.00%", "limit 5.00%");
            assertThat(alarm.evidence().subList(1, alarm.evidence().size()))
                    .allSatisfy(line -> assertThat(line).endsWith("error_rate=9.00%"));
            assertThat(instruments.engine.triggers().armed()).isPresent();
            assertThat(instruments.engine.store().find(new SeriesId("prometheus", "fleet_errors")))
                    .as("a query without 'by' is one series under the server's name")
                    .isPresent();
            assertThat(statusOf(instruments, "app2").state()).isEqualTo(RuleState.OK);
        }
    }

    @Test
    void anInconclusiveBandAsksTheOperatorOnceAndShadowRulesNeverArm() throws Exception {
        String triggers = """
                  - when: error_rate > 5%
                    inconclusive: 1%
                  - when: error_rate > 0.5%
                    mode: shadow
                """;
        try (PromQlInstruments instruments = new PromQlInstruments(inventory(), triggers).start()) {
            awaitState(instruments, "app2", RuleState.OK);
            app2.set("test_error_percent", 2.5);

            AnalysisPause pause = PromQlInstruments.next(instruments.pauses, "pause");
            assertThat(pause.kind()).isEqualTo(AnalysisPause.Kind.INCONCLUSIVE);
            assertThat(pause.trigger()).isEqualTo("error_rate > 5%");
            assertThat(pause.series()).contains(new SeriesId("app2", "error_rate"));
            assertThat(pause.evidence().get(0)).contains("app2: 2.50% is inconclusive (between 1.00% to 5.00%");
            String shadow = PromQlInstruments.next(instruments.shadows, "shadow firing");
            assertThat(shadow).startsWith("error_rate > 0.5% would have armed the rollback: app2");

            awaitUntil(() -> instruments.engine.triggers().statuses().stream()
                    .anyMatch(s -> s.trigger().equals("error_rate > 5%")
                            && s.series().map(id -> id.source().equals("app2")).orElse(false)
                            && s.state() == RuleState.INCONCLUSIVE
                            && s.detail().contains("inconclusive")));
            // further readings in the band, a scrape apart, ask nothing more while it stays there
            long readings = instruments
                    .engine
                    .store()
                    .find(new SeriesId("app2", "error_rate"))
                    .orElseThrow()
                    .appendedCount();
            awaitUntil(() -> instruments
                            .engine
                            .store()
                            .find(new SeriesId("app2", "error_rate"))
                            .orElseThrow()
                            .appendedCount()
                    >= readings + 3);
            assertThat(instruments.pauses).isEmpty();
            assertThat(instruments.alarms).as("neither rule raised an alarm").isEmpty();
            assertThat(instruments.armed)
                    .as("the shadow rule never armed the rollback")
                    .isEmpty();
            assertThat(instruments.engine.triggers().armed()).isEmpty();
            assertThat(instruments.engine.triggers().alarms()).isEmpty();
            assertThat(instruments.engine.triggers().shadowAlarms()).hasSizeGreaterThanOrEqualTo(1);
            assertThat(instruments.engine.triggers().statuses())
                    .filteredOn(RuleStatus::shadow)
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status.trigger()).isEqualTo("error_rate > 0.5%"));
        }
    }

    @Test
    void aBaselineCanBeTheRangeBeforeTheWindowInPrometheusHistory() throws Exception {
        app1.set("test_latency_seconds", 0.120);
        try (PromQlInstruments instruments = new PromQlInstruments(inventory(), "  - latency_p95 > 2x baseline\n")) {
            // Prometheus has scraped 0.120 s for a while: at least five points of the last 10 s hold it
            awaitUntil(() -> rangeHolds(0.120));
            instruments.start();
            List<Baseline> baselines = instruments.engine.captureBaselines(Duration.ofMinutes(10));
            Baseline app1Latency = baselines.stream()
                    .filter(b -> b.id().equals(new SeriesId("app1", "latency_p95")))
                    .findFirst()
                    .orElseThrow();
            assertThat(app1Latency.median()).isEqualTo(120.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(app1Latency.samples()).isGreaterThanOrEqualTo(5);
            assertThat(Duration.between(app1Latency.from(), app1Latency.to())).isEqualTo(Duration.ofSeconds(10));
            assertThat(instruments.engine.baselines().get(new SeriesId("app2", "latency_p95")))
                    .map(Baseline::median)
                    .contains(40.0);
        }
    }

    private static boolean rangeHolds(double value) {
        try {
            Instant now = Instant.now();
            return prometheus
                    .client()
                    .queryRange(
                            "max by (host) (test_latency_seconds{host=\"app1\"})",
                            now.minusSeconds(10),
                            now,
                            Duration.ofSeconds(1))
                    .stream()
                    .allMatch(series -> series.values().length >= 8
                            && java.util.Arrays.stream(series.values()).allMatch(v -> v == value));
        } catch (Exception e) {
            return false;
        }
    }

    private static RuleStatus statusOf(PromQlInstruments instruments, String source) {
        return instruments.engine.triggers().statuses().stream()
                .filter(status ->
                        status.series().map(id -> id.source().equals(source)).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    private static void awaitState(PromQlInstruments instruments, String source, RuleState state) {
        awaitUntil(() -> instruments.engine.triggers().statuses().stream()
                .anyMatch(status ->
                        status.series().map(id -> id.source().equals(source)).orElse(false)
                                && status.state() == state));
    }

    /** Waits for a condition the instruments reach on their own schedule (Prometheus scrapes every second). */
    static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
