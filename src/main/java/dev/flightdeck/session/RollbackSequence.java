package dev.flightdeck.session;

import dev.flightdeck.runbook.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order the emergency rollback acts in, from the journal alone: the runbook's rollback procedure, then the
 * undo of every phase step that completed and has one, newest first (steps never started are not undone). The
 * session enforces this order; {@code rollback.RollbackPlanner} explains it (numbers, reasons, bound values).
 * Because it is computed from the fold, a resumed rollback continues the same sequence.
 */
public final class RollbackSequence {

    /** One rollback step and the phase step whose undo it is (empty for the procedure's own steps). */
    public record Item(Step step, Optional<Step> undoOf) {}

    private RollbackSequence() {}

    public static List<Item> of(SessionState state) {
        List<Item> items = new ArrayList<>();
        state.runbook().rollback().forEach(step -> items.add(new Item(step, Optional.empty())));
        state.runbook()
                .steps()
                .filter(step ->
                        step.undo().isPresent() && state.record(step.id()).status() == StepStatus.SUCCEEDED)
                .sorted(Comparator.comparing((Step step) -> finished(state.record(step.id())))
                        .reversed())
                .forEach(step -> items.add(new Item(step.undo().orElseThrow(), Optional.of(step))));
        return items;
    }

    /** The first rollback step not yet done or skipped; empty when only the verification is left. */
    public static Optional<Step> next(SessionState state) {
        return of(state).stream()
                .map(Item::step)
                .filter(step -> !state.record(step.id()).status().isSettled())
                .findFirst();
    }

    /** The verification checks still to run (not yet passed): every one after a restart of the rollback. */
    public static List<Step> verificationToRun(SessionState state) {
        return state.runbook().rollbackVerification().stream()
                .filter(step -> state.record(step.id()).status() != StepStatus.SUCCEEDED)
                .toList();
    }

    private static Instant finished(StepRecord record) {
        return record.finishedAt().orElse(Instant.EPOCH);
    }
}
