package dev.flightdeck.runbook;

import java.time.Duration;
import java.util.Optional;

/**
 * The planned maintenance window.
 *
 * @param pointOfNoReturn id of the step after which rolling back is no longer cheap; the window clock warns
 *                        when the projection says it will be passed late
 */
public record WindowPlan(Optional<Duration> duration, Optional<String> start, Optional<String> pointOfNoReturn) {

    public static WindowPlan unplanned() {
        return new WindowPlan(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
