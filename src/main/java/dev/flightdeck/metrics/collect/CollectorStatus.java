package dev.flightdeck.metrics.collect;

import java.time.Instant;
import java.util.Optional;

/** How a collector is doing: for the panel's source list and the command line. */
public record CollectorStatus(
        String source, Optional<Instant> lastSuccess, Optional<String> lastError, int failuresInARow) {

    public boolean healthy() {
        return failuresInARow == 0 && lastSuccess.isPresent();
    }
}
