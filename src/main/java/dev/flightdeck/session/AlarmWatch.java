package dev.flightdeck.session;

import java.time.Instant;
import java.util.List;

/**
 * Tells a watching step which triggers fired since it started watching, and what each one does: a rollback trigger
 * fails the watch, an alert-only rule ({@code action: alert}) is told to the operator and the watch goes on.
 */
@FunctionalInterface
public interface AlarmWatch {

    /** No instruments, so no alarms: for services that never watch (connection checks, {@code metrics}). */
    AlarmWatch NONE = since -> List.of();

    /** The alarms raised at or after {@code since}, oldest first; a later call returns the same ones first. */
    List<Fired> firedSince(Instant since);

    /**
     * One alarm as a watch reads it.
     *
     * @param text         the trigger as the runbook wrote it, possibly with where and why it fired
     * @param armsRollback false for an alert-only rule
     */
    record Fired(String text, boolean armsRollback) {}
}
