package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;

/**
 * A rollback trigger as the runbook wrote it, with what to do when it fires.
 *
 * @param countdown with {@link Action#ARM_ROLLBACK}: time the operator has to cancel before the rollback starts
 */
public record TriggerSpec(String text, TriggerRule rule, Action action, Duration countdown, Position position) {

    public enum Action {
        /** raise the alarm and arm the rollback with a countdown the operator can cancel */
        ARM_ROLLBACK,
        /** raise the alarm only */
        ALERT
    }

    public static final Duration DEFAULT_COUNTDOWN = Duration.ofSeconds(60);
}
