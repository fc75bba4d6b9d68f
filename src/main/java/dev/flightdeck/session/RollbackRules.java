package dev.flightdeck.session;

import dev.flightdeck.runbook.Step;
import java.util.Optional;

/**
 * When the session accepts a rollback command: the rollback may start once (again only after a failed one), its
 * steps run strictly in {@link RollbackSequence} order, and the verification checks only after the last step.
 */
final class RollbackRules {

    private RollbackRules() {}

    static void requireCanStart(SessionState state) throws SessionRuleException {
        if (state.closed().isPresent()) {
            throw new SessionRuleException("the session is closed: reopen it for its rollback");
        }
        if (state.rollback() == SessionFold.RollbackState.RUNNING) {
            throw new SessionRuleException("the rollback is already running; continue it");
        }
        if (state.rollback() == SessionFold.RollbackState.SUCCEEDED) {
            throw new SessionRuleException("the session was already rolled back");
        }
        Optional<Step> running = state.runbook()
                .steps()
                .filter(step -> state.record(step.id()).status() == StepStatus.RUNNING)
                .findFirst();
        if (running.isPresent()) {
            throw new SessionRuleException(
                    "step '" + running.get().id() + "' is still running: cancel it first, then start the rollback");
        }
    }

    /** A closed session may be reopened for its rollback unless it was already rolled back. */
    static void requireCanReopen(SessionState state) throws SessionRuleException {
        if (state.closed().isEmpty()) {
            throw new SessionRuleException("the session is not closed: start its rollback directly");
        }
        if (state.rollback() == SessionFold.RollbackState.SUCCEEDED) {
            throw new SessionRuleException("the session was already rolled back before it closed");
        }
    }

    static void requireRunning(SessionState state) throws SessionRuleException {
        if (state.rollback() != SessionFold.RollbackState.RUNNING) {
            throw new SessionRuleException("no rollback is running");
        }
    }

    /** The step, if it is the next unfinished one of the rollback and not running. */
    static Step requireNext(SessionState state, String stepId) throws SessionRuleException {
        requireRunning(state);
        Step next =
                RollbackSequence.next(state).orElseThrow(() -> new SessionRuleException("every rollback step is done"));
        if (!next.id().equals(stepId)) {
            throw new SessionRuleException(
                    "rollback step '" + stepId + "' is not the next one in the plan: '" + next.id() + "' comes first");
        }
        if (state.record(stepId).status() == StepStatus.RUNNING) {
            throw new SessionRuleException("rollback step '" + stepId + "' is running");
        }
        return next;
    }

    /** The check, if every rollback step is done and it is not running. */
    static Step requireCheck(SessionState state, String stepId) throws SessionRuleException {
        requireRunning(state);
        Step check = state.runbook().rollbackVerification().stream()
                .filter(step -> step.id().equals(stepId))
                .findFirst()
                .orElseThrow(() -> new SessionRuleException("'" + stepId + "' is not a rollback verification check"));
        Optional<Step> pending = RollbackSequence.next(state);
        if (pending.isPresent()) {
            throw new SessionRuleException(
                    "the checks run after the rollback steps: '" + pending.get().id() + "' is not done yet");
        }
        if (state.record(stepId).status() == StepStatus.RUNNING) {
            throw new SessionRuleException("check '" + stepId + "' is running");
        }
        return check;
    }
}
