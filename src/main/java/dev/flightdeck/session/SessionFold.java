package dev.flightdeck.session;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the session's state from its journal events, in order. The same events always give the same state:
 * this is how a session survives a crash and how a reviewer's reading matches the operator's screen.
 */
public final class SessionFold {

    private SessionFold() {
    }

    public static SessionState fold(Runbook runbook, List<Recorded> events) {
        Map<String, StepRecord> steps = new LinkedHashMap<>();
        Stream.of(runbook.steps(), runbook.rollback().stream(), runbook.rollbackVerification().stream()).flatMap(s -> s)
                .forEach(step -> steps.put(step.id(), StepRecord.pending(step.id())));
        runbook.steps().flatMap(step -> step.undo().stream()).forEach(undo -> steps.put(undo.id(), StepRecord.pending(undo.id())));
        Optional<SessionEvent.SessionOpened> opened = Optional.empty();
        List<Recorded> alarms = new ArrayList<>();
        RollbackState rollback = RollbackState.NOT_STARTED;
        Optional<String> closed = Optional.empty();
        Optional<java.time.Instant> closedAt = Optional.empty();
        Optional<SessionState.Reopening> reopened = Optional.empty();
        Optional<SessionEvent.Verification> verification = Optional.empty();
        Optional<SessionEvent.RollbackCountdown> countdown = Optional.empty();
        Map<String, String> connections = new java.util.TreeMap<>();
        Map<String, String> lastOutput = new java.util.HashMap<>();
        for (Recorded recorded : events) {
            SessionEvent event = recorded.event();
            if (event instanceof SessionEvent.SessionOpened open) {
                opened = Optional.of(open);
            } else if (event instanceof SessionEvent.SessionResumed) {
                interruptRunning(steps, lastOutput);
            } else if (event instanceof SessionEvent.StepIntent intent) {
                lastOutput.remove(intent.stepId());
                steps.computeIfPresent(intent.stepId(), (id, record) -> record.started(recorded.time(), intent.attempt()));
            } else if (event instanceof SessionEvent.StepOutputPart part) {
                lastLine(part.text()).ifPresent(line -> lastOutput.put(part.stepId(), part.host() + " " + part.stream() + " at "
                        + recorded.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": " + line));
            } else if (event instanceof SessionEvent.StepOutcome outcome) {
                steps.computeIfPresent(outcome.stepId(), (id, record) -> record.finished(outcome, recorded.time()));
            } else if (event instanceof SessionEvent.StepSkipped skipped) {
                steps.computeIfPresent(skipped.stepId(), (id, record) -> record.skipped(recorded.actor(), skipped.reason(), recorded.time()));
            } else if (event instanceof SessionEvent.Approval approval) {
                StepRecord.ApprovalRecord given = new StepRecord.ApprovalRecord(approval.approver(), approval.role(), approval.note(),
                        recorded.time(), approval.checkpoint());
                steps.computeIfPresent(approval.stepId(), (id, record) -> record.approvedBy(given));
            } else if (event instanceof SessionEvent.Confirmation confirmation) {
                steps.computeIfPresent(confirmation.stepId(), (id, record) -> record.confirmedWith(confirmation.note()));
            } else if (event instanceof SessionEvent.Alarm) {
                alarms.add(recorded);
            } else if (event instanceof SessionEvent.RollbackStarted) {
                rollback = RollbackState.RUNNING;
                verification = Optional.empty();
            } else if (event instanceof SessionEvent.RollbackCountdown change) {
                countdown = Optional.of(change);
            } else if (event instanceof SessionEvent.Verification checked) {
                verification = Optional.of(checked);
            } else if (event instanceof SessionEvent.RollbackFinished finished) {
                rollback = finished.result() == SessionEvent.Status.SUCCEEDED ? RollbackState.SUCCEEDED : RollbackState.FAILED;
            } else if (event instanceof SessionEvent.ConnectionChanged change) {
                connections.put(change.target(), change.state());
            } else if (event instanceof SessionEvent.SessionClosed close) {
                closed = Optional.of(close.result());
                closedAt = Optional.of(recorded.time());
            } else if (event instanceof SessionEvent.SessionReopened reopen) {
                reopened = Optional.of(new SessionState.Reopening(closed.orElse(""), closedAt.orElse(recorded.time()), recorded.time(),
                        reopen.reopenedBy(), reopen.reason()));
                closed = Optional.empty();
                closedAt = Optional.empty();
                interruptRunning(steps, lastOutput);
            }
        }
        return new SessionState(runbook, opened, steps, List.copyOf(alarms), rollback, closed,
                events.isEmpty() ? Optional.empty() : Optional.of(events.get(0).time()),
                events.isEmpty() ? 0 : events.get(events.size() - 1).sequence(), java.util.Collections.unmodifiableMap(connections), verification,
                countdown, closedAt, reopened);
    }

    /**
     * Whatever was running when the session stopped will never report: its outcome is unknown. The last line of
     * output journaled while it ran is the operator's best clue to how far it got.
     */
    private static void interruptRunning(Map<String, StepRecord> steps, Map<String, String> lastOutput) {
        steps.replaceAll((id, record) -> record.status() == StepStatus.RUNNING
                ? record.withStatus(StepStatus.UNKNOWN, "started before the session was interrupted; the outcome was never recorded"
                        + (lastOutput.containsKey(id) ? "; its last journaled output (" + lastOutput.get(id) + ")" : ""))
                : record);
    }

    private static Optional<String> lastLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((first, second) -> second)
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    public enum RollbackState { NOT_STARTED, RUNNING, SUCCEEDED, FAILED }

    static boolean isRollbackStep(Runbook runbook, Step step) {
        return runbook.rollback().contains(step);
    }
}
