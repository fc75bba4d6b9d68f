package dev.flightdeck.metrics.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each collector on its own schedule on a small, named pool of daemon threads ({@code flightdeck-metrics-N}),
 * never on the FX thread. A failing collection is logged when the collector starts failing and when it recovers
 * (not every interval), and the schedule goes on.
 */
public final class CollectorScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Function<String, SampleSink> sinks;
    private final Clock clock;
    private final Map<String, CollectorStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    /**
     * @param sinks   the sink for each source name
     * @param threads the pool's size; collectors share it, each keeping its own interval
     */
    public CollectorScheduler(Function<String, SampleSink> sinks, int threads, Clock clock) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "flightdeck-metrics-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.sinks = sinks;
        this.clock = clock;
    }

    public void start(Collector collector) {
        statuses.put(
                collector.source(), new CollectorStatus(collector.source(), Optional.empty(), Optional.empty(), 0));
        SampleSink sink = sinks.apply(collector.source());
        scheduled.put(
                collector.source(),
                executor.scheduleWithFixedDelay(
                        () -> collectOnce(collector, sink),
                        0,
                        collector.interval().toMillis(),
                        TimeUnit.MILLISECONDS));
    }

    /** Runs one collection on the calling thread, recording its outcome like a scheduled one. */
    public void collectOnce(Collector collector, SampleSink sink) {
        try {
            collector.collect(sink);
            succeeded(collector.source(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CollectorException e) {
            failed(collector.source(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Collector {} failed unexpectedly", collector.source(), e);
            failed(collector.source(), "unexpected failure: " + e);
        }
    }

    private void succeeded(String source, Instant at) {
        CollectorStatus before = statuses.get(source);
        if (before != null && before.failuresInARow() > 0) {
            LOG.info("Collector {} reads again after {} failed attempts", source, before.failuresInARow());
        }
        statuses.put(source, new CollectorStatus(source, Optional.of(at), Optional.empty(), 0));
    }

    private void failed(String source, String message) {
        CollectorStatus before =
                statuses.getOrDefault(source, new CollectorStatus(source, Optional.empty(), Optional.empty(), 0));
        if (before.failuresInARow() == 0) {
            LOG.warn("Collector {} cannot read its source: {}", source, message);
        }
        statuses.put(
                source,
                new CollectorStatus(source, before.lastSuccess(), Optional.of(message), before.failuresInARow() + 1));
    }

    public List<CollectorStatus> statuses() {
        return statuses.values().stream()
                .sorted(Comparator.comparing(CollectorStatus::source))
                .toList();
    }

    public Optional<CollectorStatus> status(String source) {
        return Optional.ofNullable(statuses.get(source));
    }

    /** Schedules {@code task} every {@code periodMillis} on the same pool (the trigger monitor's tick). */
    public void every(long periodMillis, Runnable task) {
        executor.scheduleAtFixedRate(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.error("Periodic metrics task failed", e);
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
