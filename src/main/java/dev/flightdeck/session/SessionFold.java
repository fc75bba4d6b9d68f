package dev.flightdeck.session;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds the session's state from its journal events, in order. The same events always give the same state:
 * this is how a session survives a crash and how a reviewer's reading matches the operator's screen.
 *
 * <p>A fold is incremental: {@link #apply} takes one more event onto the state so far, so appending an event costs
 * the same whether the session has a hundred events or a hundred thousand (measured by {@code flightdeck bench
 * session}). Each {@link SessionState} it hands out is immutable; the parts an event does not touch are shared
 * with the previous state, and the parts it does touch are copied first.
 */
public final class SessionFold {

    private final Runbook runbook;
    private Map<String, StepRecord> steps;
    private Optional<SessionEvent.SessionOpened> opened = Optional.empty();
    private List<Recorded> alarms = List.of();
    private RollbackState rollback = RollbackState.NOT_STARTED;
    private Optional<String> closed = Optional.empty();
    private Optional<Instant> closedAt = Optional.empty();
    private Optional<SessionState.Reopening> reopened = Optional.empty();
    private Optional<SessionEvent.Verification> verification = Optional.empty();
    private Optional<SessionEvent.RollbackCountdown> countdown = Optional.empty();
    private Map<String, String> connections = Map.of();
    private Optional<SessionEvent.SessionRoster> roster = Optional.empty();
    private Map<String, SessionState.OpenRequest> approvalRequests = Map.of();
    private Optional<SessionEvent.AnalysisInconclusive> paused = Optional.empty();
    /** The last line journaled while each step ran: a resume's best clue to how far a step with no outcome got. */
    private final Map<String, String> lastOutput = new HashMap<>();

    private Map<String, String> suppliedSecrets = Map.of();
    private Optional<Instant> startedAt = Optional.empty();
    private long lastSequence;
    private SessionState state;

    public SessionFold(Runbook runbook) {
        this.runbook = runbook;
        Map<String, StepRecord> pending = new LinkedHashMap<>();
        Stream.of(runbook.steps(), runbook.rollback().stream(), runbook.rollbackVerification().stream())
                .flatMap(s -> s)
                .forEach(step -> pending.put(step.id(), StepRecord.pending(step.id())));
        runbook.steps()
                .flatMap(step -> step.undo().stream())
                .forEach(undo -> pending.put(undo.id(), StepRecord.pending(undo.id())));
        this.steps = Collections.unmodifiableMap(pending);
        this.state = snapshot();
    }

    /**
     * For a live session: the values of secret variables this process was given, which the journal does not hold
     * ({@link SessionEvent.SessionOpened#SECRET_NOT_JOURNALED}); they bind like any value from now on.
     */
    SessionState supplySecrets(Map<String, String> secrets) {
        Map<String, String> merged = new HashMap<>(suppliedSecrets);
        merged.putAll(secrets);
        suppliedSecrets = Map.copyOf(merged);
        state = snapshot();
        return state;
    }

    /** The state after every event of {@code events}, in order. */
    public static SessionState fold(Runbook runbook, List<Recorded> events) {
        SessionFold fold = new SessionFold(runbook);
        events.forEach(fold::apply);
        return fold.state();
    }

    /** The state after the events applied so far. */
    public SessionState state() {
        return state;
    }

    /** Takes one more event onto the state and returns the new state. */
    public SessionState apply(Recorded recorded) {
        SessionEvent event = recorded.event();
        if (startedAt.isEmpty()) {
            startedAt = Optional.of(recorded.time());
        }
        lastSequence = recorded.sequence();
        if (event instanceof SessionEvent.SessionOpened open) {
            opened = Optional.of(open);
        } else if (event instanceof SessionEvent.SessionResumed) {
            interruptRunning();
        } else if (event instanceof SessionEvent.StepIntent intent) {
            lastOutput.remove(intent.stepId());
            updateStep(intent.stepId(), record -> record.started(recorded.time(), intent.attempt()));
        } else if (event instanceof SessionEvent.StepOutputPart part) {
            lastLine(part.text())
                    .ifPresent(line -> lastOutput.put(
                            part.stepId(),
                            part.host() + " " + part.stream() + " at "
                                    + recorded.time().truncatedTo(ChronoUnit.SECONDS) + ": " + line));
        } else if (event instanceof SessionEvent.StepOutcome outcome) {
            updateStep(outcome.stepId(), record -> record.finished(outcome, recorded.time()));
        } else if (event instanceof SessionEvent.StepSkipped skipped) {
            updateStep(skipped.stepId(), record -> record.skipped(recorded.actor(), skipped.reason(), recorded.time()));
        } else if (event instanceof SessionEvent.Approval approval) {
            StepRecord.ApprovalRecord given = new StepRecord.ApprovalRecord(
                    approval.approver(),
                    approval.role(),
                    approval.note(),
                    recorded.time(),
                    approval.checkpoint(),
                    approval.keyFingerprint());
            updateStep(approval.stepId(), record -> record.approvedBy(given));
        } else if (event instanceof SessionEvent.SessionRoster recordedRoster) {
            roster = Optional.of(recordedRoster);
        } else if (event instanceof SessionEvent.ApprovalRequested request) {
            Map<String, SessionState.OpenRequest> more = new HashMap<>(approvalRequests);
            more.put(request.stepId(), new SessionState.OpenRequest(request.chainHead(), recorded.time()));
            approvalRequests = Collections.unmodifiableMap(more);
        } else if (event instanceof SessionEvent.Confirmation confirmation) {
            updateStep(confirmation.stepId(), record -> record.confirmedWith(confirmation.note()));
        } else if (event instanceof SessionEvent.Alarm) {
            List<Recorded> more = new ArrayList<>(alarms);
            more.add(recorded);
            alarms = Collections.unmodifiableList(more);
        } else if (event instanceof SessionEvent.AnalysisInconclusive inconclusive) {
            paused = Optional.of(inconclusive);
        } else if (event instanceof SessionEvent.AnalysisDecision) {
            paused = Optional.empty();
        } else if (event instanceof SessionEvent.RollbackStarted) {
            paused = Optional.empty();
            rollback = RollbackState.RUNNING;
            verification = Optional.empty();
        } else if (event instanceof SessionEvent.RollbackCountdown change) {
            countdown = Optional.of(change);
        } else if (event instanceof SessionEvent.Verification checked) {
            verification = Optional.of(checked);
        } else if (event instanceof SessionEvent.RollbackFinished finished) {
            rollback =
                    finished.result() == SessionEvent.Status.SUCCEEDED ? RollbackState.SUCCEEDED : RollbackState.FAILED;
        } else if (event instanceof SessionEvent.ConnectionChanged change) {
            if (!change.state().equals(connections.get(change.target()))) {
                Map<String, String> more = new TreeMap<>(connections);
                more.put(change.target(), change.state());
                connections = Collections.unmodifiableMap(more);
            }
        } else if (event instanceof SessionEvent.SessionClosed close) {
            closed = Optional.of(close.result());
            closedAt = Optional.of(recorded.time());
        } else if (event instanceof SessionEvent.SessionReopened reopen) {
            reopened = Optional.of(new SessionState.Reopening(
                    closed.orElse(""),
                    closedAt.orElse(recorded.time()),
                    recorded.time(),
                    reopen.reopenedBy(),
                    reopen.reason()));
            closed = Optional.empty();
            closedAt = Optional.empty();
            interruptRunning();
        }
        state = snapshot();
        return state;
    }

    private SessionState snapshot() {
        return new SessionState(
                runbook,
                opened,
                steps,
                alarms,
                rollback,
                closed,
                startedAt,
                lastSequence,
                connections,
                verification,
                countdown,
                closedAt,
                reopened,
                roster,
                approvalRequests,
                suppliedSecrets,
                paused);
    }

    /** Copies the step table before changing one record: states already handed out never change. */
    private void updateStep(String stepId, UnaryOperator<StepRecord> change) {
        StepRecord record = steps.get(stepId);
        if (record != null) {
            Map<String, StepRecord> changed = new LinkedHashMap<>(steps);
            changed.put(stepId, change.apply(record));
            steps = Collections.unmodifiableMap(changed);
        }
    }

    /**
     * Whatever was running when the session stopped will never report: its outcome is unknown. The last line of
     * output journaled while it ran is the operator's best clue to how far it got.
     */
    private void interruptRunning() {
        if (steps.values().stream().noneMatch(record -> record.status() == StepStatus.RUNNING)) {
            return;
        }
        Map<String, StepRecord> changed = new LinkedHashMap<>(steps);
        changed.replaceAll((id, record) -> record.status() == StepStatus.RUNNING
                ? record.withStatus(
                        StepStatus.UNKNOWN,
                        "started before the session was interrupted; the outcome was never recorded"
                                + (lastOutput.containsKey(id)
                                        ? "; its last journaled output (" + lastOutput.get(id) + ")"
                                        : ""))
                : record);
        steps = Collections.unmodifiableMap(changed);
    }

    private static Optional<String> lastLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((first, second) -> second)
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    public enum RollbackState {
        NOT_STARTED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    static boolean isRollbackStep(Runbook runbook, Step step) {
        return runbook.rollback().contains(step);
    }
}
