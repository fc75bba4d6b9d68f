package dev.flightdeck.metrics.rules;

import java.time.Duration;
import java.time.Instant;

/** A rollback armed by a firing trigger: it starts at {@code deadline} unless the operator cancels it first. */
public record ArmedRollback(Alarm alarm, Instant armedAt, Instant deadline) {

    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
