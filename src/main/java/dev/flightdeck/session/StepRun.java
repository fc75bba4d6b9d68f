package dev.flightdeck.session;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.Step;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an executor needs to run one step once: the step, the session's values to bind its texts with,
 * the inventory to resolve its targets, where its output goes, its time limit, and the session as it was when
 * the step started (for artefacts of earlier steps, such as this session's snapshot).
 */
public record StepRun(
        Step step,
        int attempt,
        SessionValues bindings,
        Inventory inventory,
        OutputSink output,
        Optional<Duration> timeout,
        SessionState state,
        String operator) {

    /** The step's own timeout, else the given default for its kind. */
    public Duration timeoutOr(Duration fallback) {
        return timeout.orElse(fallback);
    }
}
