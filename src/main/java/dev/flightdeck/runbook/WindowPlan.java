package dev.flightdeck.runbook;

import java.time.Duration;
import java.util.Optional;

/**
 * The planned maintenance window.
 *
 * @param pointOfNoReturn id of the step after which rolling back is no longer cheap
 * @param rollbackTime    how long the rollback needs; the window clock warns when the point of no return would be
 *                        passed later than the window's end minus this time
 */
public record WindowPlan(
        Optional<Duration> duration,
        Optional<String> start,
        Optional<String> pointOfNoReturn,
        Optional<Duration> rollbackTime) {

    public static WindowPlan unplanned() {
        return new WindowPlan(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The declared rollback time, else a quarter of the window. */
    public Optional<Duration> rollbackTimeOrDefault() {
        return rollbackTime.or(() -> duration.map(d -> d.dividedBy(4)));
    }
}
