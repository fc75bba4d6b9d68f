package dev.flightdeck.notify;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.session.WindowClock;
import dev.flightdeck.text.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What every message says about its session: which one, on what system, by whom, and where the window is, in one line. */
final class SessionFacts {

    private SessionFacts() {}

    static Notification.SessionFacts of(SessionState state, Instant now) {
        Optional<SessionEvent.SessionOpened> opened = state.opened();
        String system = state.runbook().title()
                + opened.map(o ->
                                o.inventory().isBlank() || o.inventory().equals("(none)") ? "" : " on " + o.inventory())
                        .orElse("");
        return new Notification.SessionFacts(
                opened.map(SessionEvent.SessionOpened::sessionId).orElse("?"),
                system,
                opened.map(SessionEvent.SessionOpened::operator).orElse("?"),
                stateLine(state, now),
                opened.map(o -> o.mode() == SessionEvent.Mode.REHEARSAL).orElse(false));
    }

    /** e.g. "step 4.4 Watch the canary running · 9 of 14 steps done · 12m into a 30m window". */
    static String stateLine(SessionState state, Instant now) {
        List<String> parts = new ArrayList<>();
        if (state.closed().isPresent()) {
            parts.add("closed: " + state.closed().get());
        } else if (state.rollback() != SessionFold.RollbackState.NOT_STARTED) {
            parts.add(
                    switch (state.rollback()) {
                        case RUNNING -> "rollback running";
                        case SUCCEEDED -> "rolled back";
                        case FAILED -> "rollback failed";
                        case NOT_STARTED -> "";
                    });
        } else {
            state.currentStep()
                    .ifPresentOrElse(step -> parts.add(stepPart(state, step)), () -> parts.add("every step done"));
        }
        parts.add(state.settledCount() + " of " + state.runbook().stepCount() + " steps done");
        WindowClock.Reading clock = WindowClock.read(state, now);
        parts.add(Durations.readable(clock.elapsed())
                + clock.planned()
                        .map(p -> " into a " + Durations.readable(p) + " window")
                        .orElse(" into the window"));
        return String.join(" · ", parts);
    }

    private static String stepPart(SessionState state, Step step) {
        StepStatus status = state.status(step.id());
        return "step " + state.runbook().numberOf(step.id()) + " " + state.title(step) + " "
                + status.name().toLowerCase(Locale.ROOT);
    }
}
