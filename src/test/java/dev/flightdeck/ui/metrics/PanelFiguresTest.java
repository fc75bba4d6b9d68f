package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which figures the panel shows for what the collectors read: every PostgreSQL figure the issue names (longest
 * transaction, replication lag, size) in the database card, and signals only the inventory knows in a card of their own.
 */
class PanelFiguresTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-14T02:00:00Z"));
    private final MetricsEngine engine;
    private final PanelSampler sampler;

    PanelFiguresTest() throws Exception {
        TriggerSpec logins = new TriggerSpec(
                "logins < 1",
                TriggerRuleParser.parse("logins < 1"),
                TriggerSpec.Action.ALERT,
                Duration.ofSeconds(30),
                Position.UNKNOWN);
        engine = new MetricsEngine(
                List.of(logins), clock, MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
        sampler = new PanelSampler(engine, clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void record(String source, String signal, double value) {
        engine.record(new SeriesId(source, signal), clock.millis(), value);
    }

    private Map<SignalFamily, PanelFrame.FamilyFrame> frame() {
        return sampler
                .sample(new PanelRequest(ChartRange.LAST_HOUR, 400, PanelRequest.DEFAULT_CHART_HEIGHT))
                .families()
                .stream()
                .collect(Collectors.toMap(PanelFrame.FamilyFrame::family, Function.identity()));
    }

    @Test
    void theDatabaseCardShowsLongestTransactionReplicationLagAndSize() {
        record("healthcare", "db_connections", 12);
        record("healthcare", "db_longest_transaction", 95_000);
        record("healthcare", "db_replication_lag", 1_500);
        record("healthcare", "db_size_mb", 812);
        record("healthcare", "db_connections_idle", 7);

        PanelFrame.FamilyFrame database = frame().get(SignalFamily.DATABASE);

        assertThat(database.figures())
                .extracting(Figure::label)
                .containsExactly(
                        "healthcare · db connections",
                        "healthcare · db longest transaction",
                        "healthcare · db replication lag",
                        "healthcare · db size");
        assertThat(database.figures()).extracting(Figure::value).containsExactly("12", "1m 35s", "1.5 s", "812.0 MB");
        assertThat(frame()).doesNotContainKey(SignalFamily.OTHER);
    }

    @Test
    void signalsOnlyTheInventoryKnowsAreFiguresOfTheirOwnCardColouredByTheirRules() {
        record("app-metrics", "logins", 0);
        record("app-metrics", "error_rate", 0.1);

        Map<SignalFamily, PanelFrame.FamilyFrame> frame = frame();

        PanelFrame.FamilyFrame other = frame.get(SignalFamily.OTHER);
        assertThat(other.figures()).singleElement().satisfies(figure -> {
            assertThat(figure.label()).isEqualTo("app-metrics · logins");
            assertThat(figure.value()).isEqualTo("0");
            assertThat(figure.state()).as("'logins < 1' fires").isEqualTo(FigureState.FIRING);
        });
        assertThat(other.chart()).as("no unit, no chart").isEmpty();
        assertThat(frame.get(SignalFamily.TRAFFIC).figures())
                .extracting(Figure::label)
                .containsExactly("app-metrics · error rate");
    }

    @Test
    void performanceDegradationNamesTheBaselineItIsAPercentageOf() {
        for (int second = 0; second < 60; second++) {
            record("app1-metrics", "latency_p95", 18);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(engine.captureBaselines(Duration.ofMinutes(1))).isNotEmpty();
        record("app1-metrics", "latency_p95", 54);

        assertThat(frame().get(SignalFamily.HEALTH).figures())
                .filteredOn(figure -> figure.series().signal().equals("performance_degradation"))
                .singleElement()
                .satisfies(figure -> {
                    assertThat(figure.label()).isEqualTo("app1-metrics · performance degradation (baseline 18 ms)");
                    assertThat(figure.value()).isEqualTo("200.00%");
                    assertThat(figure.detail()).startsWith(PanelSampler.PERFORMANCE_DEGRADATION);
                });
    }
}
