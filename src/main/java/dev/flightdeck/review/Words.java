package dev.flightdeck.review;

import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words and styles the review uses for statuses, durations and times: one place, so the HTML and the text agree. */
final class Words {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Words() {}

    /** The status as a reviewer reads it: succeeded, failed, unknown. */
    static String status(SessionEvent.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The style class of a status; the same word as {@link #status}, so a style can never disagree with the text. */
    static String statusClass(SessionEvent.Status status) {
        return status(status);
    }

    /** Free text that a record may lack: empty, never "null". */
    static String text(String value) {
        return value == null ? "" : value;
    }

    static String duration(long millis) {
        return millis < 1000
                ? millis + " ms"
                : millis < 60_000
                        ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                        : Durations.readable(Duration.ofMillis(millis));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String clock(Instant instant) {
        return CLOCK.format(instant);
    }

    /** The outcome's message and, for a step on several hosts, each host's result. */
    static String outcomeText(SessionEvent.StepOutcome outcome) {
        String hosts = outcome.hosts().stream().map(Words::host).collect(Collectors.joining("; "));
        return hosts.isEmpty()
                ? outcome.message()
                : outcome.message().isBlank() ? hosts : outcome.message() + " — " + hosts;
    }

    static String host(SessionEvent.HostResult host) {
        String exit = host.exitCode() == null ? "" : "exit " + host.exitCode();
        boolean saysMore = host.message() != null
                && !host.message().isBlank()
                && !host.message().equals(exit);
        return host.host() + ": " + status(host.status()) + (exit.isEmpty() ? "" : ", " + exit)
                + (saysMore ? " (" + host.message() + ")" : "");
    }
}
