package dev.flightdeck.journal.export;

import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.Replay;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's notifications: one row per message (its {@code notification.queued} record) with what became of it
 * ({@code notification.result}): delivered, not delivered with the reason, or no result (still on its way when the
 * journal was written last).
 */
final class NotificationRows {

    static final String QUEUED = "notification.queued";
    static final String RESULT = "notification.result";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private NotificationRows() {
    }

    static List<Map<String, Object>> of(Replay replay) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (JournalEntry entry : replay.entries()) {
            String id = entry.payload().path("id").asText("");
            if (entry.type().equals(QUEUED)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sequence", entry.sequence());
                row.put("time", TIME.format(entry.time()));
                row.put("channel", entry.text("channel"));
                row.put("topic", entry.text("topic"));
                row.put("subject", entry.text("subject"));
                row.put("result", "no result recorded");
                row.put("category", "skipped");
                row.put("detail", "");
                byId.put(id, row);
            } else if (entry.type().equals(RESULT) && byId.containsKey(id)) {
                Map<String, Object> row = byId.get(id);
                boolean delivered = "SUCCEEDED".equals(entry.text("status"));
                int attempts = entry.payload().path("attempts").asInt();
                row.put("result", (delivered ? "delivered" : "not delivered") + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s")
                        + ", " + TIME.format(entry.time()) + ")");
                row.put("category", delivered ? "success" : "failure");
                row.put("detail", entry.text("detail"));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
