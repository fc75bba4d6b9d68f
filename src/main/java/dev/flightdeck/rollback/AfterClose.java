package dev.flightdeck.rollback;

import dev.flightdeck.session.SessionState;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What rolling back a session after it closed means, said before anyone confirms it: the restore returns the systems
 * to their state before the window, so whatever the clinic wrote to them since the close is lost. The warning is the
 * same on the command line and in the console.
 */
public final class AfterClose {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AfterClose() {}

    /** The warning for a closed session (empty for one still open), with how long ago it closed as of {@code now}. */
    public static Optional<String> warning(SessionState state, Instant now, ZoneId zone) {
        if (state.closed().isEmpty()) {
            return Optional.empty();
        }
        String when = state.closedAt()
                .map(at -> WHEN.format(at.atZone(zone)) + " (" + ago(Duration.between(at, now)) + ")")
                .orElse("earlier");
        return Optional.of("This session closed at " + when
                + ". Rolling it back reopens it (journaled with your name and reason) and "
                + "returns the servers and the database to their state before the window: anything written to them since the close "
                + "(new records, uploads) is lost. Export what must be kept first.");
    }

    private static String ago(Duration since) {
        return since.toMinutes() < 1
                ? "less than a minute ago"
                : Durations.readable(since.truncatedTo(ChronoUnit.MINUTES)) + " ago";
    }
}
