package dev.flightdeck.session;

import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance window as the operator needs to see it: elapsed, projected end from the phase estimates,
 * and warnings when the projection runs past the window or past the point of no return.
 */
public final class WindowClock {

    /** Used for a phase without an estimate: enough to notice, not enough to alarm. */
    static final Duration DEFAULT_PHASE_ESTIMATE = Duration.ofMinutes(15);

    private WindowClock() {}

    public record Reading(
            Duration elapsed,
            Optional<Duration> planned,
            Duration remainingEstimate,
            Instant projectedEnd,
            Optional<Instant> windowEnd,
            List<String> warnings) {

        public boolean isOverrunProjected() {
            return windowEnd.map(projectedEnd::isAfter).orElse(false);
        }
    }

    public static Reading read(SessionState state, Instant now) {
        Runbook runbook = state.runbook();
        Instant start = state.startedAt().orElse(now);
        Duration elapsed = Duration.between(start, now);
        Duration remaining = Duration.ZERO;
        for (Phase phase : runbook.phases()) {
            remaining = remaining.plus(remainingOf(phase, state));
        }
        Instant projectedEnd = now.plus(remaining);
        Optional<Instant> windowEnd = runbook.window().duration().map(start::plus);
        List<String> warnings = new ArrayList<>();
        windowEnd
                .filter(projectedEnd::isAfter)
                .ifPresent(end ->
                        warnings.add("At this pace the window ends " + minutes(Duration.between(end, projectedEnd))
                                + " late: plan for the rollback while there is time for it."));
        runbook.window()
                .pointOfNoReturn()
                .ifPresent(stepId ->
                        pointOfNoReturnWarning(state, now, start, stepId).ifPresent(warnings::add));
        return new Reading(elapsed, runbook.window().duration(), remaining, projectedEnd, windowEnd, warnings);
    }

    /** What is left of a phase: its estimate, shrunk by the share of its steps already settled. */
    private static Duration remainingOf(Phase phase, SessionState state) {
        long total = phase.steps().size();
        if (total == 0) {
            return Duration.ZERO;
        }
        long settled = phase.steps().stream()
                .filter(step -> state.record(step.id()).status().isSettled())
                .count();
        Duration estimate = phase.estimate().orElse(DEFAULT_PHASE_ESTIMATE);
        return estimate.multipliedBy(total - settled).dividedBy(total);
    }

    /** Warns when the point of no return would be passed so late that the rollback no longer fits in the window. */
    private static Optional<String> pointOfNoReturnWarning(
            SessionState state, Instant now, Instant start, String stepId) {
        var window = state.runbook().window();
        if (state.record(stepId).status().isSettled() || window.duration().isEmpty()) {
            return Optional.empty();
        }
        Instant reached = now.plus(remainingUpTo(state, stepId));
        Instant latestSafe = start.plus(window.duration().get())
                .minus(window.rollbackTimeOrDefault().orElseThrow());
        if (reached.isAfter(latestSafe)) {
            return Optional.of("The point of no return (step '" + stepId + "') would be passed "
                    + minutes(Duration.between(latestSafe, reached)) + " too late to leave "
                    + minutes(window.rollbackTimeOrDefault().get()) + " for a rollback inside the window.");
        }
        return Optional.empty();
    }

    /** Estimated time until the given step is done: earlier phases in full, its own phase up to and including it. */
    private static Duration remainingUpTo(SessionState state, String stepId) {
        Duration total = Duration.ZERO;
        for (Phase phase : state.runbook().phases()) {
            int index = phase.steps().stream().map(Step::id).toList().indexOf(stepId);
            if (index < 0) {
                total = total.plus(remainingOf(phase, state));
                continue;
            }
            long unsettledUpTo = phase.steps().subList(0, index + 1).stream()
                    .filter(step -> !state.record(step.id()).status().isSettled())
                    .count();
            return total.plus(phase.estimate()
                    .orElse(DEFAULT_PHASE_ESTIMATE)
                    .multipliedBy(unsettledUpTo)
                    .dividedBy(phase.steps().size()));
        }
        return total;
    }

    private static String minutes(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
