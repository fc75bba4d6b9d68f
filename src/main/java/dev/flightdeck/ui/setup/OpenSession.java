package dev.flightdeck.ui.setup;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.RollbackSequence;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What would be left open if the session's window closed now, in the operator's words, for the question asked before
 * it closes; empty when nothing is (no session yet, or a session closed and not being rolled back).
 */
public final class OpenSession {

    private OpenSession() {}

    public static Optional<String> describe(SessionState state, boolean rollbackWorking) {
        if (state.rollback() == SessionFold.RollbackState.RUNNING) {
            List<RollbackSequence.Item> plan = RollbackSequence.of(state);
            long done = plan.stream()
                    .filter(item -> state.status(item.step().id()).isSettled())
                    .count();
            String next = RollbackSequence.next(state)
                    .map(step -> "; next: " + state.title(step) + " (" + status(state, step) + ")")
                    .orElse("");
            return Optional.of((rollbackWorking
                            ? "The emergency rollback is running: "
                            : "The emergency rollback is stopped, not finished: ")
                    + done + " of " + plan.size() + " rollback steps done" + next + ".");
        }
        if (state.rollback() == SessionFold.RollbackState.FAILED
                && state.closed().isEmpty()) {
            return Optional.of("The rollback ended without passing its verification; the session is still open.");
        }
        if (state.closed().isPresent() || state.opened().isEmpty()) {
            return Optional.empty();
        }
        long steps = state.runbook().steps().count();
        String current = state.currentStep()
                .map(step -> "; current step: " + state.title(step) + " (" + status(state, step) + ")")
                .orElse("");
        return Optional.of(
                "The session is open: " + state.settledCount() + " of " + steps + " steps done" + current + ".");
    }

    private static String status(SessionState state, Step step) {
        StepStatus status = state.status(step.id());
        return status.name().toLowerCase(Locale.ROOT);
    }
}
