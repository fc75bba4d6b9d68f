package dev.flightdeck.ui.metrics;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.metrics.FakeAppServer;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.HealthCollector;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import dev.flightdeck.metrics.rules.CountdownCancellation;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real metrics engine reading a real loopback HTTP application (health and Prometheus text) on short schedules,
 * with traffic the test steers: healthy, or failing with 10 % errors. For the panel's UI tests and its demo.
 */
final class LiveInstruments implements AutoCloseable {

    static final String ERROR_RULE = "error_rate > 1%";
    static final String LATENCY_RULE = "latency_p95 > 2s for 5m";
    static final String HEALTH_RULE = "health fails 3 consecutive";

    final FakeAppServer app;
    final MetricsEngine engine;
    final List<CountdownCancellation> cancellations = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    private final List<Collector> collectors;
    private volatile long failedPerTick;

    LiveInstruments(Duration countdown, Duration scrapeEvery) throws IOException {
        app = new FakeAppServer();
        engine = new MetricsEngine(
                triggers(countdown),
                Clock.systemUTC(),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {
                    @Override
                    public void countdownCancelled(CountdownCancellation cancellation) {
                        cancellations.add(cancellation);
                    }
                },
                minute -> {});
        traffic.scheduleAtFixedRate(
                () -> app.served(100 - failedPerTick, failedPerTick, 0.03 + Math.random() * 0.05),
                0,
                50,
                TimeUnit.MILLISECONDS);
        HttpClient client = HttpClient.newHttpClient();
        collectors = List.of(
                new HealthCollector(
                        "web-health",
                        URI.create(app.url("/health")),
                        Duration.ofSeconds(2),
                        scrapeEvery,
                        client,
                        Clock.systemUTC()),
                new PrometheusCollector(
                        "web-metrics",
                        URI.create(app.url("/metrics")),
                        Duration.ofSeconds(2),
                        scrapeEvery,
                        PrometheusMapping.defaults(),
                        client,
                        Clock.systemUTC()));
    }

    /** Starts reading the application (after any history was recorded: older samples than the newest are refused). */
    LiveInstruments start() {
        engine.start(collectors);
        return this;
    }

    private static List<TriggerSpec> triggers(Duration countdown) {
        List<TriggerSpec> specs = new ArrayList<>();
        try {
            specs.add(new TriggerSpec(
                    ERROR_RULE,
                    TriggerRuleParser.parse(ERROR_RULE),
                    TriggerSpec.Action.ARM_ROLLBACK,
                    countdown,
                    Position.UNKNOWN));
            specs.add(new TriggerSpec(
                    LATENCY_RULE,
                    TriggerRuleParser.parse(LATENCY_RULE),
                    TriggerSpec.Action.ALERT,
                    countdown,
                    Position.UNKNOWN));
            specs.add(new TriggerSpec(
                    HEALTH_RULE,
                    TriggerRuleParser.parse(HEALTH_RULE),
                    TriggerSpec.Action.ALERT,
                    countdown,
                    Position.UNKNOWN));
        } catch (TriggerRuleParser.InvalidRuleException e) {
            throw new IllegalStateException(e);
        }
        return specs;
    }

    /** From now on one request in ten fails with a 500. */
    void failTenPercent() {
        failedPerTick = 10;
    }

    @Override
    public void close() {
        traffic.shutdownNow();
        engine.close();
        app.close();
    }
}
