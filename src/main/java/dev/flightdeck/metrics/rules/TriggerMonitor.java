package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.Baselines;
import dev.flightdeck.metrics.SeriesId;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the runbook's rollback triggers on every sample, raises one alarm per firing with its evidence, and
 * runs the cancellable rollback countdown. Thread-safe: collectors deliver samples from their own threads; the
 * listener is called after the monitor's lock is released.
 *
 * <p>{@link #firedSince(Instant)} has the shape of the session's {@code AlarmWatch}: wire it as
 * {@code AlarmWatch watch = monitor::firedSince}.
 */
public final class TriggerMonitor {

    /** A series with no sample for this long is NO_DATA, and a sustained condition starts over after such a gap. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);

    private final List<TriggerSpec> specs;
    private final Baselines baselines;
    private final Clock clock;
    private final Duration staleAfter;
    private final Evidence evidence;
    private final TriggerListener listener;
    private final Set<String> watchedSignals = new HashSet<>();
    /** the evaluations of each series, created on its first sample: one per trigger on its signal */
    private final Map<SeriesId, List<RuleEvaluation>> bySeries = new LinkedHashMap<>();

    private final List<Alarm> alarms = new ArrayList<>();
    private final RollbackCountdown countdown = new RollbackCountdown();

    public TriggerMonitor(
            List<TriggerSpec> specs,
            SeriesStore store,
            Baselines baselines,
            Clock clock,
            ZoneId zone,
            Duration staleAfter,
            TriggerListener listener) {
        List<String> problems = problems(specs);
        if (!problems.isEmpty()) {
            throw new TriggerConfigurationException(problems);
        }
        this.specs = List.copyOf(specs);
        this.baselines = baselines;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.evidence = new Evidence(store, zone);
        this.listener = listener;
        specs.forEach(spec -> watchedSignals.add(Thresholds.signalOf(spec.rule())));
    }

    /** Why some triggers cannot be evaluated ({@code latency_p95 > 5%}, {@code error_rate fails 3 consecutive}). */
    public static List<String> problems(List<TriggerSpec> specs) {
        List<String> problems = new ArrayList<>();
        specs.forEach(spec -> Thresholds.problem(spec.rule())
                .ifPresent(problem -> problems.add("rollback trigger '" + spec.text() + "': " + problem)));
        return problems;
    }

    /** Feeds one sample to every trigger on its signal. */
    public void onSample(SeriesId series, long time, double value) {
        if (!watchedSignals.contains(series.signal())) {
            return;
        }
        List<Runnable> notifications = new ArrayList<>(0);
        synchronized (this) {
            for (RuleEvaluation evaluation : bySeries.computeIfAbsent(series, this::evaluationsFor)) {
                evaluate(evaluation, time, value, notifications);
            }
        }
        notifications.forEach(Runnable::run);
    }

    /** Marks silent series as NO_DATA and runs the countdown out; call every second or so (the engine does). */
    public void tick() {
        Instant now = clock.instant();
        List<Runnable> notifications = new ArrayList<>();
        synchronized (this) {
            for (List<RuleEvaluation> evaluations : bySeries.values()) {
                for (RuleEvaluation evaluation : evaluations) {
                    if (evaluation.onTick(now.toEpochMilli())) {
                        RuleStatus status = statusOf(evaluation);
                        notifications.add(() -> listener.stateChanged(status));
                    }
                }
            }
            countdown.expireIfDue(now).ifPresent(due -> notifications.add(() -> listener.countdownExpired(due)));
        }
        notifications.forEach(Runnable::run);
    }

    /** Stops the armed countdown; false when none was running (already cancelled or run out). */
    public boolean cancelCountdown(String cancelledBy, String reason) {
        Optional<CountdownCancellation> cancellation;
        synchronized (this) {
            cancellation = countdown.cancel(cancelledBy, reason, clock.instant());
        }
        cancellation.ifPresent(listener::countdownCancelled);
        return cancellation.isPresent();
    }

    public synchronized Optional<ArmedRollback> armed() {
        return countdown.armed();
    }

    /** True once a countdown ran out: the rollback has been requested. */
    public synchronized boolean rollbackRequested() {
        return countdown.hasExpired();
    }

    public synchronized List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The headline of the first alarm raised at or after {@code since}: the session's {@code AlarmWatch}. */
    public synchronized Optional<String> firedSince(Instant since) {
        return alarms.stream()
                .filter(alarm -> !alarm.firedAt().isBefore(since))
                .findFirst()
                .map(Alarm::headline);
    }

    /** Every trigger on every series it watches; a trigger whose signal no collector produces shows as NO_DATA. */
    public synchronized List<RuleStatus> statuses() {
        List<RuleStatus> statuses = new ArrayList<>();
        for (TriggerSpec spec : specs) {
            List<RuleEvaluation> watching = bySeries.values().stream()
                    .flatMap(List::stream)
                    .filter(evaluation -> evaluation.spec() == spec)
                    .toList();
            if (watching.isEmpty()) {
                statuses.add(new RuleStatus(
                        spec.text(),
                        Optional.empty(),
                        RuleState.NO_DATA,
                        "no collector produces '" + Thresholds.signalOf(spec.rule()) + "' yet"));
            }
            watching.forEach(evaluation -> statuses.add(statusOf(evaluation)));
        }
        return statuses;
    }

    public List<TriggerSpec> specs() {
        return specs;
    }

    private List<RuleEvaluation> evaluationsFor(SeriesId series) {
        return specs.stream()
                .filter(spec -> Thresholds.signalOf(spec.rule()).equals(series.signal()))
                .map(spec -> new RuleEvaluation(spec, series, staleAfter))
                .toList();
    }

    private void evaluate(RuleEvaluation evaluation, long time, double value, List<Runnable> notifications) {
        RuleState before = evaluation.state();
        var baseline = baselines.get(evaluation.series());
        boolean fired = evaluation.onSample(time, value, baseline);
        if (evaluation.state() != before) {
            RuleStatus status = statusOf(evaluation);
            notifications.add(() -> listener.stateChanged(status));
        }
        if (!fired) {
            return;
        }
        TriggerSpec spec = evaluation.spec();
        Alarm alarm = new Alarm(
                spec.text(),
                spec.action(),
                evaluation.series(),
                Instant.ofEpochMilli(time),
                evidence.of(evaluation, baseline));
        alarms.add(alarm);
        notifications.add(() -> listener.alarmRaised(alarm));
        if (spec.action() == TriggerSpec.Action.ARM_ROLLBACK) {
            countdown
                    .arm(alarm, clock.instant(), spec.countdown())
                    .ifPresent(armed -> notifications.add(() -> listener.rollbackArmed(armed)));
        }
    }

    private RuleStatus statusOf(RuleEvaluation evaluation) {
        return new RuleStatus(
                evaluation.spec().text(),
                Optional.of(evaluation.series()),
                evaluation.state(),
                StatusDetail.of(evaluation, clock.instant()));
    }
}
