package dev.flightdeck.metrics;

import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.CollectorScheduler;
import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.rules.TriggerMonitor;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.HistoryBaselines;
import dev.flightdeck.metrics.store.MinuteSummaries;
import dev.flightdeck.metrics.store.MinuteSummary;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless instruments of one window: collectors write samples, the store keeps them, the triggers judge
 * every one, baselines give rules their reference, and each finished minute is summarised for the journal.
 * The session builds one per window; the metrics panel reads {@link #store()}, {@link #baselines()} and
 * {@link #triggers()}.
 */
public final class MetricsEngine implements AutoCloseable {

    /** How much history to keep, at what rate, when silence means "no data", and how many collector threads. */
    public record Options(
            Duration history, Duration sampleInterval, Duration staleAfter, ZoneId zone, int collectorThreads) {

        public static Options defaults() {
            return new Options(
                    SeriesStore.DEFAULT_HISTORY,
                    SeriesStore.DEFAULT_INTERVAL,
                    TriggerMonitor.DEFAULT_STALE_AFTER,
                    ZoneId.systemDefault(),
                    4);
        }
    }

    private static final long TICK_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEngine.class);

    private final Clock clock;
    private final SeriesStore store;
    private final Baselines baselines = new Baselines();
    private final AtomicLong firstReadingMillis = new AtomicLong(Long.MAX_VALUE);
    private final TriggerMonitor triggers;
    private final MinuteSummaries minutes;
    private final CollectorScheduler scheduler;
    /** sources with their own history (a Prometheus server), asked for baselines from before the window */
    private final List<HistoryBaselines> histories = new CopyOnWriteArrayList<>();
    /** collectors holding connections of their own (a PostgreSQL collector's pool), closed with the engine */
    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();

    /**
     * @param minuteSummaries receives each finished minute of each series (journal these, not the samples)
     */
    public MetricsEngine(
            List<TriggerSpec> triggerSpecs,
            Clock clock,
            Options options,
            TriggerListener listener,
            Consumer<MinuteSummary> minuteSummaries) {
        this.clock = clock;
        this.store = SeriesStore.forHistory(options.history(), options.sampleInterval());
        this.triggers = new TriggerMonitor(
                triggerSpecs, store, baselines, clock, options.zone(), options.staleAfter(), listener);
        this.minutes = new MinuteSummaries(minuteSummaries);
        this.scheduler = new CollectorScheduler(this::sinkFor, options.collectorThreads(), clock);
    }

    /** Starts every collector on its schedule, and the once-a-quarter-second check for silence and countdowns. */
    public void start(Collection<? extends Collector> collectors) {
        own(collectors);
        collectors.forEach(scheduler::start);
        scheduler.every(TICK_MILLIS, triggers::tick);
    }

    /** Runs each collector once on the calling thread (the command line's {@code --once}). */
    public void collectNow(Collection<? extends Collector> collectors) {
        own(collectors);
        collectors.forEach(collector -> scheduler.collectOnce(collector, sinkFor(collector.source())));
    }

    private void own(Collection<? extends Collector> collectors) {
        collectors.stream()
                .filter(HistoryBaselines.class::isInstance)
                .map(HistoryBaselines.class::cast)
                .filter(history -> !histories.contains(history))
                .forEach(histories::add);
        collectors.stream()
                .filter(AutoCloseable.class::isInstance)
                .map(AutoCloseable.class::cast)
                .filter(closeable -> !owned.contains(closeable))
                .forEach(owned::add);
    }

    /** Where a collector of this source writes. */
    public SampleSink sinkFor(String source) {
        return new SampleSink() {
            @Override
            public void record(String signal, long epochMillis, double value) {
                MetricsEngine.this.record(new SeriesId(source, signal), epochMillis, value);
            }

            @Override
            public SampleSink part(String part) {
                return sinkFor(SampleSink.partSource(source, part));
            }

            @Override
            public SampleSink forSource(String other) {
                return sinkFor(other);
            }

            @Override
            public void error(String signal, long epochMillis, String message) {
                triggers.onError(signal, epochMillis, message);
            }

            @Override
            public void answered(String signal) {
                triggers.onAnswered(signal);
            }
        };
    }

    /** Stores a sample, summarises it, evaluates the triggers on it, and derives what depends on it. */
    public void record(SeriesId id, long time, double value) {
        if (!store.series(id).append(time, value)) {
            return;
        }
        firstReadingMillis.accumulateAndGet(time, Math::min);
        minutes.accept(id, time, value);
        triggers.onSample(id, time, value);
        if (id.signal().equals("latency_p95")) {
            derivePerformanceDegradation(id, time, value);
        }
    }

    /** {@code performance_degradation}: how much slower than its baseline the p95 latency is, in percent. */
    private void derivePerformanceDegradation(SeriesId latency, long time, double value) {
        baselines
                .get(latency)
                .filter(baseline -> baseline.median() > 0)
                .ifPresent(baseline -> record(
                        new SeriesId(latency.source(), "performance_degradation"),
                        time,
                        (value - baseline.median()) * 100 / baseline.median()));
    }

    /**
     * Captures the baselines from the last {@code window} of samples, or from a source's own history where the
     * inventory says so ({@code baseline: 7d same hour}): call before the first change step.
     */
    public List<Baseline> captureBaselines(Duration window) {
        List<Baseline> captured = measureBaselines(window);
        captured.forEach(baselines::put);
        return captured;
    }

    /** The baselines {@link #captureBaselines} would take, not yet in place: put the ones you accept in {@link #baselines()}. */
    public List<Baseline> measureBaselines(Duration window) {
        Instant now = clock.instant();
        Map<SeriesId, Baseline> measured = new LinkedHashMap<>();
        Baselines.measure(store, now, window).forEach(baseline -> measured.put(baseline.id(), baseline));
        for (HistoryBaselines history : histories) {
            try {
                history.baselinesAt(now).forEach(baseline -> measured.put(baseline.id(), baseline));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(measured.values());
    }

    /** Which inventory groups each source belongs to, for canary-against-stable rules; call before {@link #start}. */
    public void groups(Function<String, Set<String>> groupsOf) {
        triggers.groups(groupsOf);
    }

    /** When the first sample of this window was taken (even if the store has since dropped it): how long the instruments have been reading. */
    public Optional<Instant> firstReading() {
        long millis = firstReadingMillis.get();
        return millis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** The clock the instruments read time from. */
    public Clock clock() {
        return clock;
    }

    public SeriesStore store() {
        return store;
    }

    public Baselines baselines() {
        return baselines;
    }

    public TriggerMonitor triggers() {
        return triggers;
    }

    public List<CollectorStatus> collectorStatuses() {
        return scheduler.statuses();
    }

    /** Stops the collectors, closes their connections and hands over the minutes still open. */
    @Override
    public void close() {
        scheduler.close();
        for (AutoCloseable collector : owned) {
            try {
                collector.close();
            } catch (Exception e) {
                LOG.warn("Closing a metrics collector failed", e);
            }
        }
        minutes.flush();
    }
}
