package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The banner's states and the countdown hook, on a real engine and real frames, without a toolkit: what the
 * rollback's owner relies on when the countdown runs out.
 */
class MetricsPanelViewModelTest {

    private static final SeriesId ERRORS = new SeriesId("web-metrics", "error_rate");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-14T02:00:00Z"));
    private final MetricsEngine engine;
    private final PanelSampler sampler;
    private final MetricsPanelViewModel panel;
    private final PanelRequest request = new PanelRequest(ChartRange.LAST_HOUR, 400, PanelRequest.DEFAULT_CHART_HEIGHT);

    MetricsPanelViewModelTest() throws Exception {
        List<TriggerSpec> specs = List.of(
                new TriggerSpec(
                        "error_rate > 1%",
                        TriggerRuleParser.parse("error_rate > 1%"),
                        TriggerSpec.Action.ARM_ROLLBACK,
                        Duration.ofSeconds(30),
                        Position.UNKNOWN),
                new TriggerSpec(
                        "request_rate < 5",
                        TriggerRuleParser.parse("request_rate < 5"),
                        TriggerSpec.Action.ALERT,
                        Duration.ofSeconds(30),
                        Position.UNKNOWN));
        engine = new MetricsEngine(
                specs, clock, MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
        sampler = new PanelSampler(engine, clock, ZoneOffset.UTC);
        panel = new MetricsPanelViewModel(
                engine.triggers(), "Dana Operator", clock, new AlarmSound(), new SimpleBooleanProperty(false));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void record(SeriesId series, double value) {
        engine.record(series, clock.millis(), value);
        panel.accept(sampler.sample(request));
    }

    @Test
    void whenTheCountdownRunsOutTheHookIsCalledOnceAndTheBannerSaysTheRollbackWasRequested() {
        List<ArmedRollback> expired = new ArrayList<>();
        panel.setOnCountdownExpired(expired::add);
        record(ERRORS, 0.2);
        assertThat(panel.bannerProperty().get().kind()).isEqualTo(Banner.Kind.NONE);

        clock.advance(Duration.ofSeconds(1));
        record(ERRORS, 4.0);
        assertThat(panel.bannerProperty().get().kind()).isEqualTo(Banner.Kind.COUNTDOWN);
        assertThat(panel.countdownText()).isEqualTo("0:30");

        clock.advance(Duration.ofSeconds(12));
        assertThat(panel.countdownText()).isEqualTo("0:18");
        clock.advance(Duration.ofSeconds(19));
        engine.triggers().tick();
        panel.accept(sampler.sample(request));
        panel.accept(sampler.sample(request));

        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).alarm().trigger()).isEqualTo("error_rate > 1%");
        assertThat(panel.rollbackRequestedProperty().get()).isTrue();
        assertThat(panel.bannerProperty().get().kind()).isEqualTo(Banner.Kind.ROLLBACK_REQUESTED);
        assertThat(panel.bannerProperty().get().title())
                .isEqualTo("Rollback requested · error_rate > 1% on web-metrics");
    }

    @Test
    void aPlainAlertShowsItsEvidenceUntilAcknowledgedAndUnfoldsThePanel() {
        panel.collapsedProperty().set(true);

        record(new SeriesId("web-metrics", "request_rate"), 2.0);

        Banner banner = panel.bannerProperty().get();
        assertThat(banner.kind()).isEqualTo(Banner.Kind.ALARM);
        assertThat(banner.title()).isEqualTo("Alarm · request_rate < 5 on web-metrics");
        assertThat(banner.evidenceSummary()).startsWith("web-metrics: 2.00/s at 02:00:00");
        assertThat(panel.collapsedProperty().get())
                .as("an alarm unfolds the panel")
                .isFalse();

        panel.acknowledge();

        assertThat(panel.bannerProperty().get().visible()).isFalse();
        assertThat(panel.rollbackRequestedProperty().get()).isFalse();
    }
}
