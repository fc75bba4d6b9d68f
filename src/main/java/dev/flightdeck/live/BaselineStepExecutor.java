package dev.flightdeck.live;

import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.text.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code baseline:} steps (seed 002's "Collect baseline metrics"): wait until the instruments have read for the step's
 * window, then take each series' median and p95 over that window as its baseline, put them in place for the rules
 * ({@code 2x baseline}) and the charts' bands, and journal them exactly as the automatic capture does. Fails, changing
 * nothing, when nothing was read or a required signal has no readings: a rule relative to a missing baseline could
 * never fire.
 *
 * <p>The baselines go to the journal as metrics records through {@code journal}, beside the step's own records,
 * because they are instrument state the rules read after a resume, not output of the step.
 */
final class BaselineStepExecutor implements StepExecutor {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final String SOURCE = "baseline";
    /** The slowest pace sources are read at unless the inventory says otherwise: a shorter window may hold no reading. */
    private static final Duration USUAL_PACE = slowestDefaultPace();

    private final MetricsEngine engine;
    private final Consumer<SessionEvent.MetricsMinute> journal;
    private final Duration requiredGrace;

    BaselineStepExecutor(MetricsEngine engine, Consumer<SessionEvent.MetricsMinute> journal) {
        this(engine, journal, USUAL_PACE.multipliedBy(2));
    }

    /** @param requiredGrace how long to wait, once the window is covered, for a required signal's first reading in it */
    BaselineStepExecutor(MetricsEngine engine, Consumer<SessionEvent.MetricsMinute> journal, Duration requiredGrace) {
        this.engine = engine;
        this.journal = journal;
        this.requiredGrace = requiredGrace;
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Baseline step = (StepAction.Baseline) run.step().action();
        String window = Durations.format(step.window());
        OutputSink output = run.output();
        output.line(SOURCE, OutputSink.Stream.STDOUT, "Capturing baselines from the last " + window + " of readings");
        Optional<String> notRead = awaitReadings(step.window(), output);
        if (notRead.isPresent()) {
            return StepResult.failed(notRead.get());
        }
        awaitRequiredSignals(step, output);
        List<Baseline> measured = engine.measureBaselines(step.window());
        if (measured.isEmpty()) {
            return StepResult.failed("no instrument had readings in the last " + window + "; no baseline was taken");
        }
        Set<String> covered =
                measured.stream().map(baseline -> baseline.id().signal()).collect(Collectors.toSet());
        List<String> missing = step.required().stream()
                .filter(signal -> !covered.contains(signal))
                .toList();
        if (!missing.isEmpty()) {
            return StepResult.failed("no readings of " + String.join(", ", missing) + " in the last " + window
                    + "; no baseline was taken, the ones in place are unchanged"
                    + (step.window().compareTo(USUAL_PACE) <= 0
                            ? " (a window this short may fall between two readings: sources are read every "
                                    + Durations.format(USUAL_PACE)
                                    + " unless the inventory's metrics: { every } says otherwise)"
                            : ""));
        }
        for (Baseline baseline : measured) {
            engine.baselines().put(baseline);
            journal.accept(JournaledBaselines.event(baseline));
            output.line(SOURCE, OutputSink.Stream.STDOUT, line(baseline));
        }
        Baseline any = measured.get(0);
        return StepResult.succeeded(
                "captured " + measured.size() + " baselines from " + any.from().truncatedTo(ChronoUnit.SECONDS) + " to "
                        + any.to().truncatedTo(ChronoUnit.SECONDS),
                Map.of("series", String.valueOf(measured.size())));
    }

    /**
     * Waits until the first reading is a whole window old. Empty when it is; the failure when nothing at all was read
     * for a whole window after the step started (no collector is running, or every source is unreachable).
     */
    private Optional<String> awaitReadings(Duration window, OutputSink output) throws InterruptedException {
        Clock clock = engine.clock();
        Instant started = clock.instant();
        Instant nextProgress = started.plus(PROGRESS_EVERY);
        while (true) {
            Instant now = clock.instant();
            Optional<Instant> first = engine.firstReading();
            if (first.isPresent() && !now.isBefore(first.get().plus(window))) {
                return Optional.empty();
            }
            if (first.isEmpty() && !now.isBefore(started.plus(window))) {
                return Optional.of("the instruments read nothing in the " + Durations.format(window)
                        + " this step waited: check that the "
                        + "inventory's hosts, databases and endpoints are collected (metrics) and reachable");
            }
            if (!now.isBefore(nextProgress)) {
                String read = first.map(since ->
                                Durations.format(Duration.between(since, now).withNanos(0)))
                        .orElse("0s");
                output.line(
                        SOURCE,
                        OutputSink.Stream.STDOUT,
                        "Readings so far: " + read + " of " + Durations.format(window));
                nextProgress = now.plus(PROGRESS_EVERY);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static Duration slowestDefaultPace() {
        InventoryCollectors.Intervals pace = InventoryCollectors.Intervals.defaults();
        return Stream.of(pace.health(), pace.scrape(), pace.host(), pace.database())
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * A required signal read less often than the window is long (a 15 s scrape, a 20 s window) may have no reading in it
     * yet: wait a while (two of the slowest default paces) for one before measuring, so the step fails only when the
     * signal is really not coming.
     */
    private void awaitRequiredSignals(StepAction.Baseline step, OutputSink output) throws InterruptedException {
        Instant deadline = engine.clock().instant().plus(requiredGrace);
        boolean told = false;
        for (List<String> missing = unread(step);
                !missing.isEmpty() && engine.clock().instant().isBefore(deadline);
                missing = unread(step)) {
            if (!told) {
                output.line(
                        SOURCE,
                        OutputSink.Stream.STDOUT,
                        "Waiting up to " + Durations.format(requiredGrace) + " for a reading of "
                                + String.join(", ", missing));
                told = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The required signals no series has read within the window. */
    private List<String> unread(StepAction.Baseline step) {
        long windowStart = engine.clock().instant().minus(step.window()).toEpochMilli();
        return step.required().stream()
                .filter(signal ->
                        engine.store().bySignal(signal).stream().noneMatch(series -> readSince(series, windowStart)))
                .toList();
    }

    private static boolean readSince(RingSeries series, long epochMillis) {
        SeriesSnapshot latest = series.last(1);
        return !latest.isEmpty() && latest.timeAt(0) >= epochMillis;
    }

    /** {@code app-metrics · latency_p95: median 120 ms, p95 180 ms, 600 samples} */
    private static String line(Baseline baseline) {
        SignalUnit unit = SignalCatalog.unitOf(baseline.id().signal());
        return baseline.id().label() + ": median " + unit.format(baseline.median()) + ", p95 "
                + unit.format(baseline.p95()) + ", " + baseline.samples()
                + (baseline.samples() == 1 ? " sample" : " samples");
    }
}
