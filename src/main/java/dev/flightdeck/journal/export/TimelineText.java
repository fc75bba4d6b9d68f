package dev.flightdeck.journal.export;

import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.Replay;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code journal show}: the session as a readable timeline, one event per block. */
public final class TimelineText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimelineText() {
    }

    public static List<String> render(Replay replay) {
        List<String> lines = new ArrayList<>();
        lines.add(replay.sessionId() == null
                ? "no session header in these files (a segment of another journal, or not the first one): " + replay.entries().size() + " records"
                : "session " + replay.sessionId() + ": " + replay.entries().size() + " records");
        for (JournalEntry entry : replay.entries()) {
            EventView view = EventViews.of(entry);
            lines.add(String.format("#%-5d %s  %-12s %s", entry.sequence(), TIME.format(entry.time()), entry.actor(), view.title()));
            if (view.hasText()) {
                view.text().lines().forEach(line -> lines.add("         | " + line));
            }
            view.fields().forEach(field -> lines.add("         " + field.label() + ": " + field.value()));
        }
        replay.tornTails().forEach(tear -> lines.add("RECOVERY: " + tear.describe()));
        replay.problem().ifPresent(problem -> lines.add("PROBLEM: " + problem.describe() + " — records after it are not shown"));
        lines.add(replay.isClosed() ? "closed: the last record is the signed checkpoint that closed the session"
                : replay.isSealed() ? "sealed by a checkpoint, but the session was not closed"
                : "NOT sealed: " + replay.entriesAfterLastCheckpoint() + " record(s) after the last checkpoint");
        return lines;
    }
}
