package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A rollback trigger as the runbook wrote it, with what to do when it fires.
 *
 * @param analysis  failure and inconclusive counting, and the query-error limit ({@link TriggerAnalysis})
 * @param countdown with {@link Action#ARM_ROLLBACK}: time the operator has to cancel before the rollback starts
 */
public record TriggerSpec(
        String text,
        TriggerRule rule,
        Action action,
        Duration countdown,
        Position position,
        TriggerAnalysis analysis,
        Mode mode) {

    /** A plain trigger: no analysis keys, enforced. */
    public TriggerSpec(String text, TriggerRule rule, Action action, Duration countdown, Position position) {
        this(text, rule, action, countdown, position, TriggerAnalysis.NONE, Mode.ENFORCE);
    }

    /** Whether a firing may act. */
    public enum Mode {
        /** a firing raises the alarm and, for {@link Action#ARM_ROLLBACK}, arms the rollback; inconclusive pauses */
        ENFORCE,
        /** a dry run: evaluated, charted and journaled as "would have fired", never arming, alarming or pausing */
        SHADOW
    }

    public boolean shadow() {
        return mode == Mode.SHADOW;
    }

    /**
     * What a firing does. One definition of the runbook's words ({@code action: rollback}, {@code action: alert}):
     * the loader reads them, the journal's alarms carry them, and a watch reads them back.
     */
    public enum Action {
        /** raise the alarm and arm the rollback with a countdown the operator can cancel */
        ARM_ROLLBACK("rollback"),
        /** raise the alarm only: people are told, nothing is armed and a watch goes on */
        ALERT("alert");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        /** The runbook's word for the action, also journaled with each alarm. */
        public String key() {
            return key;
        }

        public static Optional<Action> of(String key) {
            return Arrays.stream(values())
                    .filter(action -> action.key.equals(key))
                    .findFirst();
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(Action::key).toList();
        }
    }

    public static final Duration DEFAULT_COUNTDOWN = Duration.ofSeconds(60);
}
