package dev.flightdeck.review;

import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's notifications: one row per message (its {@code notification.queued} record) with what became of it
 * ({@code notification.result}): delivered after N attempts, not delivered with the reason, or no result recorded.
 */
final class NotificationRows {

    private NotificationRows() {}

    static List<ReviewModel.NotificationRow> of(List<Recorded> history) {
        Map<String, ReviewModel.NotificationRow> byId = new LinkedHashMap<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.NotificationQueued queued) {
                byId.put(
                        queued.id(),
                        new ReviewModel.NotificationRow(
                                Words.time(recorded.time()),
                                queued.channel(),
                                queued.topic(),
                                queued.subject(),
                                "no result recorded",
                                "",
                                "skipped"));
            } else if (recorded.event() instanceof SessionEvent.NotificationResult result
                    && byId.containsKey(result.id())) {
                ReviewModel.NotificationRow row = byId.get(result.id());
                boolean delivered = result.status() == SessionEvent.Status.SUCCEEDED;
                String outcome = (delivered ? "delivered" : "not delivered") + " (" + result.attempts() + " attempt"
                        + (result.attempts() == 1 ? "" : "s") + ", " + Words.time(recorded.time()) + ")";
                byId.put(
                        result.id(),
                        new ReviewModel.NotificationRow(
                                row.time(),
                                row.channel(),
                                row.topic(),
                                row.subject(),
                                outcome,
                                result.detail(),
                                delivered ? "succeeded" : "failed"));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
