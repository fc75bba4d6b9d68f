package dev.flightdeck.session;

import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A session at one moment: what the journal says happened, and what that means for what may happen next.
 * Built only by {@link SessionFold}. Steps run in runbook order; a step becomes READY when every step before
 * it (in its phase and in all earlier phases) has succeeded or was skipped with a reason.
 */
public record SessionState(
        Runbook runbook,
        Optional<SessionEvent.SessionOpened> opened,
        Map<String, StepRecord> steps,
        List<Recorded> alarms,
        SessionFold.RollbackState rollback,
        Optional<String> closed,
        Optional<Instant> startedAt,
        long lastSequence,
        Map<String, String> connections,
        Optional<SessionEvent.Verification> verification,
        Optional<SessionEvent.RollbackCountdown> countdown,
        Optional<Instant> closedAt,
        Optional<Reopening> reopened,
        Optional<SessionEvent.SessionRoster> roster,
        Map<String, OpenRequest> approvalRequests,
        Map<String, String> suppliedSecrets,
        Optional<SessionEvent.AnalysisInconclusive> paused) {

    /** The latest approval request made at a gate: a signed approval must name its chain head. */
    public record OpenRequest(String chainHead, Instant requestedAt) {}

    /**
     * A closed session opened again for its rollback: how it had closed and when, and who reopened it, when and why.
     * Anything written to the systems between the close and the reopening is not part of the pre-window state.
     */
    public record Reopening(String closedResult, Instant closedAt, Instant at, String by, String reason) {}

    /**
     * The inconclusive analysis the window is paused on, until the operator answers it (continue or roll back): no
     * step starts meanwhile. Empty once answered, or once a rollback started.
     */
    public Optional<SessionEvent.AnalysisInconclusive> paused() {
        return paused;
    }

    /** The last known state of each SSH target the session connected to ("connected", "closed", "lost"). */
    public Map<String, String> connections() {
        return connections;
    }

    public StepRecord record(String stepId) {
        StepRecord record = steps.get(stepId);
        if (record == null) {
            throw new IllegalArgumentException("runbook " + runbook.id() + " has no step '" + stepId + "'");
        }
        return record;
    }

    /** The status the wizard shows: a recorded status, or READY/PENDING for steps not yet started. */
    public StepStatus status(String stepId) {
        StepRecord record = record(stepId);
        if (record.status() != StepStatus.PENDING) {
            return record.status();
        }
        return currentStep().filter(step -> step.id().equals(stepId)).isPresent()
                ? StepStatus.READY
                : StepStatus.PENDING;
    }

    /** The step that needs attention now: the first phase step that has not succeeded or been skipped. */
    public Optional<Step> currentStep() {
        return runbook.steps()
                .filter(step -> !record(step.id()).status().isSettled())
                .findFirst();
    }

    /** True once every step of every phase has succeeded or been skipped with a reason. */
    public boolean isComplete() {
        return currentStep().isEmpty();
    }

    /** A phase is open when every step of the phases before it is settled. */
    public boolean isOpen(Phase phase) {
        for (Phase earlier : runbook.phases()) {
            if (earlier == phase) {
                return true;
            }
            if (earlier.steps().stream()
                    .anyMatch(step -> !record(step.id()).status().isSettled())) {
                return false;
            }
        }
        throw new IllegalArgumentException("phase '" + phase.id() + "' is not part of runbook " + runbook.id());
    }

    public long settledCount() {
        return runbook.steps()
                .filter(step -> record(step.id()).status().isSettled())
                .count();
    }

    public Optional<String> operator() {
        return opened.map(SessionEvent.SessionOpened::operator);
    }

    /** Values for {@code ${...}}: built-ins, the runbook's variables as bound at the start, and outputs of succeeded steps. */
    public Map<String, String> variables() {
        Map<String, String> values = new HashMap<>();
        opened.ifPresent(open -> {
            open.variables().forEach((name, value) -> {
                if (!SessionEvent.SessionOpened.SECRET_NOT_JOURNALED.equals(value)) {
                    values.put(name, value);
                }
            });
            // secrets are not in the journal: this process was given them (at the start, or again to resume)
            values.putAll(suppliedSecrets);
            values.put("ts", open.timestamp());
            values.put(
                    "date",
                    open.timestamp().substring(0, Math.min(8, open.timestamp().length())));
            values.put("operator", open.operator());
            values.put("session", open.sessionId());
            values.put("runbook", open.runbookId());
        });
        // only a step that succeeded produced something to rely on: a failed backup's half-written file must not bind
        steps.values().stream()
                .filter(record -> record.status() == StepStatus.SUCCEEDED)
                .forEach(record -> record.outputs()
                        .forEach((name, value) -> values.put("steps." + record.stepId() + "." + name, value)));
        return values;
    }

    /** The step's title as the operator reads it in this session: its {@code ${...}} bound where they have values. */
    public String title(Step step) {
        return SessionValues.of(this).bindKnown(step.displayTitle());
    }

    /** The pass/fail table of the latest rollback's verification, once it ran. */
    public Optional<SessionEvent.Verification> verification() {
        return verification;
    }

    /** The trigger whose countdown ran out while the rollback had not started: the rollback must start now. */
    public Optional<SessionEvent.RollbackCountdown> rollbackRequested() {
        return countdown.filter(change -> change.state() == SessionEvent.CountdownState.EXPIRED
                && rollback == SessionFold.RollbackState.NOT_STARTED
                && closed.isEmpty());
    }

    public List<Step> unknownSteps() {
        return Stream.of(runbook.steps(), runbook.rollback().stream(), runbook.rollbackVerification().stream())
                .flatMap(s -> s)
                .filter(step -> record(step.id()).status() == StepStatus.UNKNOWN)
                .toList();
    }
}
