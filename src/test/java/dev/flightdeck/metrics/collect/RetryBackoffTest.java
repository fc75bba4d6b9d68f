package dev.flightdeck.metrics.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), clock);

    @Test
    void eachFailureDoublesTheWaitUpToFiveMinutesAndASuccessResetsIt() {
        assertThat(backoff.skip()).isEmpty();
        long[] expectedWaits = {10, 20, 40, 80, 160, 300, 300};
        for (long wait : expectedWaits) {
            backoff.failed("host refused");
            clock.advance(Duration.ofSeconds(wait - 1));
            assertThat(backoff.skip()).hasValue("host refused (next attempt in 1s)");
            clock.advance(Duration.ofSeconds(1));
            assertThat(backoff.skip()).as("due after %ds", wait).isEmpty();
        }
        backoff.succeeded();
        backoff.failed("again");
        clock.advance(Duration.ofSeconds(10));
        assertThat(backoff.skip()).isEmpty();
    }
}
