package dev.flightdeck.metrics.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rollback countdown of a window. The first {@code ARM_ROLLBACK} firing arms it; further firings while it
 * runs are alarms only (the rollback is already coming). Once it has run out, the rollback is under way and
 * nothing arms it again; after a cancel, the next firing arms a new countdown. Guarded by the monitor's lock.
 */
final class RollbackCountdown {

    private ArmedRollback armed;
    private boolean expired;

    Optional<ArmedRollback> arm(Alarm alarm, Instant now, Duration countdown) {
        if (armed != null || expired) {
            return Optional.empty();
        }
        armed = new ArmedRollback(alarm, now, now.plus(countdown));
        return Optional.of(armed);
    }

    Optional<CountdownCancellation> cancel(String by, String reason, Instant now) {
        if (armed == null) {
            return Optional.empty();
        }
        CountdownCancellation cancellation = new CountdownCancellation(armed, by, reason, now);
        armed = null;
        return Optional.of(cancellation);
    }

    Optional<ArmedRollback> expireIfDue(Instant now) {
        if (armed == null || now.isBefore(armed.deadline())) {
            return Optional.empty();
        }
        ArmedRollback due = armed;
        armed = null;
        expired = true;
        return Optional.of(due);
    }

    Optional<ArmedRollback> armed() {
        return Optional.ofNullable(armed);
    }

    boolean hasExpired() {
        return expired;
    }
}
