package dev.flightdeck.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The session's recorded alarms as a watch for {@code wait} steps: a trigger that fired is in the journal first. */
public final class SessionAlarms {

    private SessionAlarms() {}

    public static AlarmWatch of(Supplier<Optional<SessionState>> state) {
        return since -> state.get()
                .map(now -> now.alarms().stream()
                        .filter(alarm -> !alarm.time().isBefore(since))
                        .map(alarm -> (SessionEvent.Alarm) alarm.event())
                        .map(alarm -> new AlarmWatch.Fired(alarm.trigger(), alarm.armsRollback()))
                        .toList())
                .orElse(List.of());
    }
}
