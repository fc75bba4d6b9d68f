package dev.flightdeck.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.MinuteSummary;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.session.steps.WaitStepExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsEngineTest {

    private static final Instant START = Instant.parse("2026-03-14T02:00:00Z");

    private static TriggerSpec spec(String rule, TriggerSpec.Action action, Duration countdown) throws Exception {
        return new TriggerSpec(rule, TriggerRuleParser.parse(rule), action, countdown, Position.UNKNOWN);
    }

    private static MetricsEngine.Options options(Duration staleAfter) {
        return new MetricsEngine.Options(Duration.ofHours(4), Duration.ofSeconds(1), staleAfter, ZoneOffset.UTC, 2);
    }

    @Test
    void performanceDegradationIsTheLatencyAboveItsBaselineInPercent() throws Exception {
        ManualClock clock = new ManualClock(START);
        List<MinuteSummary> minutes = new CopyOnWriteArrayList<>();
        try (MetricsEngine engine = new MetricsEngine(
                List.of(spec("performance_degradation > 50%", TriggerSpec.Action.ALERT, TriggerSpec.DEFAULT_COUNTDOWN)),
                clock,
                options(Duration.ofSeconds(30)),
                new TriggerListener() {},
                minutes::add)) {
            SeriesId latency = new SeriesId("app", "latency_p95");
            for (int second = 0; second < 600; second++) {
                engine.record(latency, START.plusSeconds(second).toEpochMilli(), 200);
            }
            clock.set(START.plusSeconds(600));
            assertThat(engine.captureBaselines(Duration.ofMinutes(10))).hasSize(1);

            engine.record(latency, START.plusSeconds(600).toEpochMilli(), 290);
            engine.record(latency, START.plusSeconds(601).toEpochMilli(), 310);

            assertThat(engine.store()
                            .series(new SeriesId("app", "performance_degradation"))
                            .snapshot()
                            .values())
                    .containsExactly(45.0, 55.0);
            assertThat(engine.triggers().alarms()).extracting(Alarm::firedAt).containsExactly(START.plusSeconds(601));
            assertThat(minutes).as("ten finished minutes of latency").hasSize(10);
        }
        assertThat(minutes).as("the open minutes are flushed on close").hasSize(12);
    }

    @Test
    void aTriggerFiringDuringAWaitStepFailsItArmsTheRollbackAndKeepsTheEvidence() throws Exception {
        CountDownLatch expired = new CountDownLatch(1);
        List<ArmedRollback> armed = new CopyOnWriteArrayList<>();
        TriggerListener listener = new TriggerListener() {
            @Override
            public void rollbackArmed(ArmedRollback rollback) {
                armed.add(rollback);
            }

            @Override
            public void countdownExpired(ArmedRollback rollback) {
                expired.countDown();
            }
        };
        try (FakeAppServer app = new FakeAppServer();
                MetricsEngine engine = new MetricsEngine(
                        List.of(spec("error_rate > 1%", TriggerSpec.Action.ARM_ROLLBACK, Duration.ofMillis(500))),
                        Clock.systemUTC(),
                        options(Duration.ofSeconds(5)),
                        listener,
                        minute -> {})) {
            Inventory inventory = InventoryLoader.load(
                            """
                    endpoints:
                      app-metrics: { url: "%s", kind: prometheus, timeout: 2s }
                      app-health: { url: "%s", kind: health, timeout: 2s }
                    """.formatted(app.url("/metrics"), app.url("/health")), "inv.yaml")
                    .orElseThrow();
            app.served(1000, 0, 0.02);
            engine.start(InventoryCollectors.of(
                    inventory,
                    InventoryCollectors.defaultClient(),
                    Clock.systemUTC(),
                    Duration.ofMillis(100),
                    Duration.ofMillis(100),
                    name -> PrometheusMapping.defaults()));
            // the application starts failing once the watch has begun, as a canary going bad would
            Thread failing = new Thread(() -> {
                sleep(300);
                app.served(90, 10, 0.02);
            });
            StepRun watch = waitStep(inventory, failing::start);

            StepResult result = new WaitStepExecutor(watchOf(engine), Clock.systemUTC()).execute(watch);
            failing.join();

            assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(result.message()).contains("error_rate > 1% on app-metrics (app-metrics: 10.00% at ");
            Alarm alarm = engine.triggers().alarms().get(0);
            assertThat(alarm.actionText()).isEqualTo("rollback");
            assertThat(alarm.evidence().get(1)).matches("\\d\\d:\\d\\d:\\d\\d error_rate=10\\.00%");
            assertThat(armed)
                    .singleElement()
                    .satisfies(rollback -> assertThat(rollback.alarm()).isEqualTo(alarm));
            assertThat(expired.await(5, TimeUnit.SECONDS))
                    .as("the countdown runs out into the callback")
                    .isTrue();
            assertThat(engine.collectorStatuses())
                    .extracting(CollectorStatus::source)
                    .containsExactly("app-health", "app-metrics");
            assertThat(engine.collectorStatuses()).allMatch(CollectorStatus::healthy);
            assertThat(Thread.getAllStackTraces().keySet())
                    .anyMatch(thread -> thread.getName().startsWith("flightdeck-metrics-"));
        }
    }

    /** The engine's alarms as a watch reads them (a live session watches its journal instead: SessionAlarms). */
    private static AlarmWatch watchOf(MetricsEngine engine) {
        return since -> engine.triggers().firedSince(since).stream()
                .map(alarm -> new AlarmWatch.Fired(alarm.headline(), alarm.action() == TriggerSpec.Action.ARM_ROLLBACK))
                .toList();
    }

    private static StepRun waitStep(Inventory inventory, Runnable onWatchStarted) {
        Runbook runbook = RunbookLoader.load("""
                runbook: canary
                phases:
                  - id: canary
                    steps:
                      - id: watch
                        wait: { duration: 30s, watch: canary 10% }
                rollback:
                  - confirm: back
                """, "t.yaml", "t").orElseThrow();
        Step step = runbook.steps().findFirst().orElseThrow();
        return new StepRun(
                step,
                1,
                new SessionValues(Map.of()),
                inventory,
                (host, stream, text) -> onWatchStarted.run(),
                Optional.empty(),
                null,
                "dana");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
