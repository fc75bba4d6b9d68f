package dev.flightdeck.notify;

import dev.flightdeck.runbook.LifecycleEvent;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.Subscriptions;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.session.WindowClock;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the subscribed channels of the window's lifecycle, from what the session journals: window started, approval
 * waiting, alarm, countdown armed, rollback started and finished, step failed, window overrunning its plan, session
 * closed. Called on the session's thread under its lock, so it only hands messages to the outbox.
 */
final class LifecycleNotifier implements SessionListener {

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Clock clock;
    /** Approval gates and overruns already told of, so each is said once. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    LifecycleNotifier(Subscriptions subscriptions, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    void windowStarted(SessionState state) {
        tell(
                LifecycleEvent.WINDOW_STARTED,
                state,
                "Window started: " + state.runbook().title(),
                "The maintenance window started"
                        + state.opened()
                                .map(o -> " (" + o.operator() + " operating)")
                                .orElse("") + ".",
                Notification.Urgency.INFO);
        checkApprovalWaiting(state);
    }

    @Override
    public void recorded(Recorded recorded, SessionState state) {
        SessionEvent event = recorded.event();
        if (event instanceof SessionEvent.Alarm alarm) {
            tell(
                    LifecycleEvent.ALARM,
                    state,
                    (alarm.armsRollback() ? "Alarm: " : "Alert: ") + alarm.trigger(),
                    (alarm.armsRollback()
                                    ? "Rollback trigger '" + alarm.trigger() + "' fired."
                                    : "Alert rule '" + alarm.trigger()
                                            + "' fired (alert only: no rollback is armed, the window goes on).")
                            + evidence(alarm.evidence()),
                    Notification.Urgency.ALERT);
        } else if (event instanceof SessionEvent.RollbackCountdown countdown
                && countdown.state() == SessionEvent.CountdownState.ARMED) {
            tell(
                    LifecycleEvent.COUNTDOWN_ARMED,
                    state,
                    "Rollback countdown armed: " + countdown.trigger(),
                    "Trigger '" + countdown.trigger() + "' armed the rollback: " + countdown.detail()
                            + ", unless cancelled.",
                    Notification.Urgency.ALERT);
        } else if (event instanceof SessionEvent.RollbackStarted started) {
            tell(
                    LifecycleEvent.ROLLBACK_STARTED,
                    state,
                    "Rollback started by " + started.startedBy(),
                    "The emergency rollback started: " + started.reason(),
                    Notification.Urgency.ALERT);
        } else if (event instanceof SessionEvent.RollbackFinished finished) {
            boolean ok = finished.result() == SessionEvent.Status.SUCCEEDED;
            tell(
                    LifecycleEvent.ROLLBACK_FINISHED,
                    state,
                    "Rollback finished: " + finished.result().name().toLowerCase(Locale.ROOT),
                    finished.message(),
                    ok ? Notification.Urgency.RESOLVE : Notification.Urgency.ALERT);
        } else if (event instanceof SessionEvent.StepOutcome outcome
                && outcome.status() == SessionEvent.Status.FAILED) {
            String title =
                    state.runbook().step(outcome.stepId()).map(state::title).orElse(outcome.stepId());
            tell(
                    LifecycleEvent.STEP_FAILED,
                    state,
                    "Step " + state.runbook().numberOf(outcome.stepId()) + " failed: " + title,
                    outcome.message(),
                    Notification.Urgency.ALERT);
        }
        if (event instanceof SessionEvent.StepOutcome
                || event instanceof SessionEvent.StepSkipped
                || event instanceof SessionEvent.Approval
                || event instanceof SessionEvent.Confirmation) {
            checkApprovalWaiting(state);
            checkOverrun(state);
        }
    }

    @Override
    public void closing(String result, SessionState state) {
        tell(
                LifecycleEvent.SESSION_CLOSED,
                state,
                "Session closed: " + result,
                "The session was closed: " + result + ".",
                Notification.Urgency.RESOLVE);
        outbox.drain();
    }

    /** The gate now current waits for people who are not at the operator's screen: tell the approvers' channel once. */
    private void checkApprovalWaiting(SessionState state) {
        if (state.closed().isPresent() || state.rollback() != SessionFold.RollbackState.NOT_STARTED) {
            return;
        }
        state.currentStep()
                .filter(step -> step.action() instanceof StepAction.Approve)
                .filter(step -> state.status(step.id()) != StepStatus.SUCCEEDED)
                .filter(step -> told.add("approval:" + step.id()))
                .ifPresent(step -> {
                    StepAction.Approve gate = (StepAction.Approve) step.action();
                    tell(
                            LifecycleEvent.APPROVAL_WAITING,
                            state,
                            "Approval waiting: step " + state.runbook().numberOf(step.id()) + " needs " + roles(gate)
                                    + (gate.reason().isBlank() ? "" : " (" + gate.reason() + ")"),
                            "Step " + state.runbook().numberOf(step.id()) + " " + state.title(step)
                                    + " waits for approval by " + roles(gate)
                                    + (gate.reason().isBlank() ? "" : " (" + gate.reason() + ")")
                                    + ". The approver must not be the operator.",
                            Notification.Urgency.INFO);
                });
    }

    /** Once per session: at this pace the window ends later than planned. */
    void checkOverrun(SessionState state) {
        if (state.closed().isPresent() || state.runbook().window().duration().isEmpty()) {
            return;
        }
        WindowClock.Reading reading = WindowClock.read(state, clock.instant());
        if (reading.isOverrunProjected() && told.add("overrun")) {
            tell(
                    LifecycleEvent.WINDOW_OVERRUN,
                    state,
                    "Window overrunning its plan",
                    reading.warnings().isEmpty()
                            ? "At this pace the window ends later than planned."
                            : reading.warnings().get(0),
                    Notification.Urgency.ALERT);
        }
    }

    private void tell(
            LifecycleEvent event, SessionState state, String subject, String text, Notification.Urgency urgency) {
        List<String> channels = subscriptions.channelsFor(event);
        if (channels.isEmpty()) {
            return;
        }
        Notification.SessionFacts facts = SessionFacts.of(state, clock.instant());
        for (String channel : channels) {
            outbox.submit(new Notification(
                    UUID.randomUUID().toString(), channel, event.key(), subject, text, facts, urgency));
        }
    }

    private static String roles(StepAction.Approve gate) {
        return String.join(" and ", gate.roles().stream().map(Enum::name).toList());
    }

    private static String evidence(List<String> samples) {
        if (samples.isEmpty()) {
            return "";
        }
        return "\nEvidence: " + String.join("; ", samples.subList(Math.max(0, samples.size() - 3), samples.size()));
    }
}
