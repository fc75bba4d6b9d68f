package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Instant;
import java.util.List;

/**
 * A trigger fired: what the session journals as {@code SessionEvent.Alarm(trigger(), actionText(), evidence())}.
 *
 * @param trigger  the rule as the runbook wrote it ({@code error_rate > 1% for 5m})
 * @param evidence the samples that made it fire, readable ({@code 02:14:05 error_rate=1.42%}), first line a summary
 */
public record Alarm(
        String trigger, TriggerSpec.Action action, SeriesId series, Instant firedAt, List<String> evidence) {

    public Alarm {
        evidence = List.copyOf(evidence);
    }

    /** {@code rollback} or {@code alert}: the words the runbook uses for the action. */
    public String actionText() {
        return action.key();
    }

    /** One line for the operator and for a failed {@code wait} step: {@code error_rate > 1% for 5m on web (…)}. */
    public String headline() {
        return trigger + " on " + series.source() + (evidence.isEmpty() ? "" : " (" + evidence.get(0) + ")");
    }
}
