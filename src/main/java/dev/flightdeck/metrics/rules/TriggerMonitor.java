package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerRule;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates the runbook's rollback triggers on every sample, raises one alarm per firing with its evidence, and
 * runs the cancellable rollback countdown. Thread-safe: collectors deliver samples from their own threads; the
 * listener is called after the monitor's lock is released.
 *
 * <p>{@link #firedSince(Instant)} gives a watching step the alarms raised since it began, each with its action: the
 * live session watches its journal instead ({@code SessionAlarms}), where every alarm is recorded first.
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
    private final List<Alarm> shadowAlarms = new ArrayList<>();
    private final List<AnalysisPause> pauses = new ArrayList<>();
    private final QueryErrors queryErrors = new QueryErrors();
    private final RollbackCountdown countdown = new RollbackCountdown();
    private final SeriesStore store;
    /** the inventory groups a source belongs to (canary against stable rules); none until the session says */
    private volatile Function<String, Set<String>> groupsOf = source -> Set.of();

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
        this.store = store;
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

    /**
     * The inventory's groups of each source, for rules comparing a group with another
     * ({@code latency_p95 of canary > 1.5x latency_p95 of stable}); set before the first sample.
     */
    public void groups(Function<String, Set<String>> groupsOf) {
        this.groupsOf = groupsOf;
    }

    /** Feeds one sample to every trigger on its signal. */
    public void onSample(SeriesId series, long time, double value) {
        if (!watchedSignals.contains(series.signal())) {
            return;
        }
        List<Runnable> notifications = new ArrayList<>(0);
        synchronized (this) {
            queryErrors.answered(series.signal());
            for (RuleEvaluation evaluation : bySeries.computeIfAbsent(series, this::evaluationsFor)) {
                evaluate(evaluation, time, value, notifications);
            }
        }
        notifications.forEach(Runnable::run);
    }

    /** The query behind {@code signal} answered without error (possibly with no series): its errors in a row end. */
    public synchronized void onAnswered(String signal) {
        queryErrors.answered(signal);
    }

    /**
     * The query behind {@code signal} failed ({@code message} says what: HTTP status, PromQL error). Counted apart from
     * failed measurements; past a rule's {@code consecutive-error-limit} the window pauses for the operator, once
     * per run of errors.
     */
    public void onError(String signal, long time, String message) {
        if (!watchedSignals.contains(signal)) {
            return;
        }
        List<Runnable> notifications = new ArrayList<>(0);
        synchronized (this) {
            List<String> recent = queryErrors.failed(signal, time, message);
            for (TriggerSpec spec : specs) {
                if (!Thresholds.signalOf(spec.rule()).equals(signal)
                        || !queryErrors.reachedLimit(signal, spec.analysis().consecutiveErrorLimit())) {
                    continue;
                }
                List<String> evidence = new ArrayList<>();
                evidence.add(recent.size() + " queries for '" + signal + "' failed in a row (consecutive-error-limit "
                        + spec.analysis().consecutiveErrorLimit() + "); the instruments cannot judge the change");
                evidence.addAll(recent);
                pause(spec, AnalysisPause.Kind.QUERY_ERRORS, Optional.empty(), time, evidence, notifications);
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

    /** What the shadow rules would have done: evaluated like the others, never acting. */
    public synchronized List<Alarm> shadowAlarms() {
        return List.copyOf(shadowAlarms);
    }

    /** Every time an analysis rule asked for the operator (inconclusive, or blind from query errors). */
    public synchronized List<AnalysisPause> pauses() {
        return List.copyOf(pauses);
    }

    /** The consecutive query errors of a signal so far (0 once its query answers again). */
    public synchronized int queryErrorsInARow(String signal) {
        return queryErrors.inARow(signal);
    }

    /** The alarms raised at or after {@code since}, oldest first, alert-only ones too ({@link Alarm#action()}). */
    public synchronized List<Alarm> firedSince(Instant since) {
        return alarms.stream().filter(alarm -> !alarm.firedAt().isBefore(since)).toList();
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
                String signal = Thresholds.signalOf(spec.rule());
                statuses.add(new RuleStatus(
                        spec.text(),
                        Optional.empty(),
                        RuleState.NO_DATA,
                        queryErrors.inARow(signal) > 0
                                ? queryErrors.inARow(signal) + " query errors in a row: " + queryErrors.last(signal)
                                : spec.rule() instanceof TriggerRule.GroupComparison comparison
                                        ? "no '" + signal + "' series of group '" + comparison.group() + "' yet"
                                        : "no collector produces '" + signal + "' yet",
                        spec.shadow()));
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
                .filter(spec -> !(spec.rule() instanceof TriggerRule.GroupComparison comparison)
                        || groupsOf.apply(series.source()).contains(comparison.group()))
                .map(spec -> new RuleEvaluation(spec, series, staleAfter))
                .toList();
    }

    private void evaluate(RuleEvaluation evaluation, long time, double value, List<Runnable> notifications) {
        RuleState before = evaluation.state();
        var baseline = baselines.get(evaluation.series());
        TriggerRule rule = evaluation.spec().rule();
        Optional<GroupReference> reference = rule instanceof TriggerRule.GroupComparison comparison
                ? GroupReference.of(comparison, store, groupsOf, time - staleAfter.toMillis())
                : Optional.empty();
        OptionalDouble limit = rule instanceof TriggerRule.GroupComparison
                ? reference.map(GroupReference::limit).map(OptionalDouble::of).orElse(OptionalDouble.empty())
                : rule instanceof TriggerRule.Threshold threshold
                        ? Thresholds.limit(threshold, baseline)
                        : OptionalDouble.empty();
        RuleState missing = rule instanceof TriggerRule.GroupComparison ? RuleState.NO_DATA : RuleState.NO_BASELINE;
        RuleEvaluation.Outcome outcome = evaluation.onSample(time, value, limit, missing);
        if (evaluation.state() != before) {
            RuleStatus status = statusOf(evaluation);
            notifications.add(() -> listener.stateChanged(status));
        }
        TriggerSpec spec = evaluation.spec();
        if (outcome == RuleEvaluation.Outcome.INCONCLUSIVE) {
            pause(
                    spec,
                    AnalysisPause.Kind.INCONCLUSIVE,
                    Optional.of(evaluation.series()),
                    time,
                    evidence.inconclusive(evaluation),
                    notifications);
            return;
        }
        if (outcome != RuleEvaluation.Outcome.FIRED) {
            return;
        }
        List<String> lines = new ArrayList<>(evidence.of(evaluation, baseline));
        reference.ifPresent(group -> lines.add(1, group.describe()));
        Alarm alarm = new Alarm(spec.text(), spec.action(), evaluation.series(), Instant.ofEpochMilli(time), lines);
        if (spec.shadow()) {
            shadowAlarms.add(alarm);
            String wouldHave = spec.action() == TriggerSpec.Action.ARM_ROLLBACK
                    ? "would have armed the rollback"
                    : "would have raised the alarm";
            notifications.add(() -> listener.shadowFired(alarm, wouldHave));
            return;
        }
        alarms.add(alarm);
        notifications.add(() -> listener.alarmRaised(alarm));
        if (spec.action() == TriggerSpec.Action.ARM_ROLLBACK) {
            countdown
                    .arm(alarm, clock.instant(), spec.countdown())
                    .ifPresent(armed -> notifications.add(() -> listener.rollbackArmed(armed)));
        }
    }

    /** Asks for the operator, or, for a shadow rule, only says that it would have. */
    private void pause(
            TriggerSpec spec,
            AnalysisPause.Kind kind,
            Optional<SeriesId> series,
            long time,
            List<String> evidence,
            List<Runnable> notifications) {
        AnalysisPause pause = new AnalysisPause(spec.text(), kind, series, Instant.ofEpochMilli(time), evidence);
        if (spec.shadow()) {
            Alarm alarm = new Alarm(
                    spec.text(),
                    spec.action(),
                    series.orElse(new SeriesId("(no series)", Thresholds.signalOf(spec.rule()))),
                    pause.at(),
                    evidence);
            shadowAlarms.add(alarm);
            notifications.add(() -> listener.shadowFired(
                    alarm, "would have paused the window (" + pause.kindText() + ") to ask the operator"));
            return;
        }
        pauses.add(pause);
        notifications.add(() -> listener.analysisPaused(pause));
    }

    private RuleStatus statusOf(RuleEvaluation evaluation) {
        return new RuleStatus(
                evaluation.spec().text(),
                Optional.of(evaluation.series()),
                evaluation.state(),
                StatusDetail.of(evaluation, clock.instant()),
                evaluation.spec().shadow());
    }
}
