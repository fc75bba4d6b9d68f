package dev.flightdeck.ssh;

import java.time.Duration;

/**
 * Connection behaviour shared by every host.
 *
 * @param keepaliveInterval a keepalive is sent after this much silence; after {@code keepaliveCountMax}
 *                          unanswered ones the connection is declared lost (15 s × 3 by default)
 * @param terminateGrace    how long a cancelled or overdue command gets between the signal and the channel close
 */
public record SshSettings(
        Duration connectTimeout, Duration keepaliveInterval, int keepaliveCountMax, Duration terminateGrace) {

    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(15), 3, Duration.ofSeconds(1));
    }
}
