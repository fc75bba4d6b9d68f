package dev.flightdeck.metrics.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spaces out attempts at a source that cannot be reached: after the first failure the next attempt waits one interval,
 * then two, four ... up to {@link #MAX_WAIT}. Without it an unreachable host would hold a metrics thread for its whole
 * connect timeout every interval, and a host whose key is not trusted yet would journal a refused host-key check every
 * interval for the whole window. One success resets it.
 */
public final class RetryBackoff {

    public static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final Duration interval;
    private final Clock clock;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private String lastFailure = "";

    public RetryBackoff(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Why this attempt is skipped (the last failure and when the next attempt is due), or empty to go ahead. */
    public Optional<String> skip() {
        Instant now = clock.instant();
        if (failures == 0 || !now.isBefore(nextAttempt)) {
            return Optional.empty();
        }
        return Optional.of(lastFailure + " (next attempt in "
                + Duration.between(now, nextAttempt).toSeconds() + "s)");
    }

    public void failed(String reason) {
        failures++;
        lastFailure = reason;
        Duration wait = interval.multipliedBy(1L << Math.min(failures - 1, 20));
        nextAttempt = clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    public void succeeded() {
        failures = 0;
    }
}
