package dev.flightdeck.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The moments of a window people may be told about without a {@code notify} step: a runbook's {@code notifications:}
 * (or the settings) subscribe channels to them by these keys. One definition: the loader, the schema test and the
 * documentation read the keys from here.
 */
public enum LifecycleEvent {
    WINDOW_STARTED("window-started", "the session started"),
    APPROVAL_WAITING("approval-waiting", "an approval gate is waiting for its approvers"),
    ALARM("alarm", "a trigger fired: a rollback trigger, or an alert-only rule (action: alert)"),
    COUNTDOWN_ARMED("countdown-armed", "a trigger armed the rollback countdown"),
    ROLLBACK_STARTED("rollback-started", "the emergency rollback started"),
    ROLLBACK_FINISHED("rollback-finished", "the rollback ended (verified or not)"),
    STEP_FAILED("step-failed", "a step failed"),
    WINDOW_OVERRUN("window-overrun", "at this pace the window ends later than planned"),
    SESSION_CLOSED("session-closed", "the session was closed");

    private final String key;
    private final String meaning;

    LifecycleEvent(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<LifecycleEvent> of(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(LifecycleEvent::key).toList();
    }
}
