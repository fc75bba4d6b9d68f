package dev.flightdeck.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.export.EventView.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Renders the session engine's event types for people; unknown types show all their fields. */
public final class EventViews {

    private EventViews() {
    }

    public static EventView of(JournalEntry entry) {
        ObjectNode p = entry.payload();
        return switch (entry.type()) {
            case "session.opened" -> view("session", "Session opened: " + join(p, "runbookId", "runbookTitle"), "",
                    p, "operator", "inventory", "window");
            case "step.intent" -> view("intent", "Intends to run " + s(p, "step") + " (" + s(p, "kind") + ") on " + list(p, "targets"),
                    s(p, "command"), p);
            case "step.output" -> view("output", "Output of " + s(p, "step") + " on " + s(p, "host") + " (" + s(p, "stream") + ")",
                    outputText(p), p, "bytes", "elidedBytes", "sha256");
            case "step.outcome" -> view(outcomeCategory(p), s(p, "step") + " on " + s(p, "host") + ": " + s(p, "status")
                    + " (exit " + s(p, "exitCode") + ", " + s(p, "durationMs") + " ms)", t(p, "message"), p);
            case "step.skipped" -> view("skipped", s(p, "step") + " skipped by " + s(p, "by"), t(p, "reason"), p);
            case "approval" -> view("approval", s(p, "step") + " approved by " + s(p, "approver") + " (" + s(p, "role") + ")", t(p, "note"), p);
            case "confirmation" -> view("confirmation", s(p, "step") + " confirmed by " + s(p, "by"), t(p, "note"), p);
            case "hostkey.decision" -> view("hostkey", "Host key of " + s(p, "host") + ": " + s(p, "decision"), "", p, "fingerprint");
            case "connection" -> view("connection", s(p, "host") + ": " + s(p, "state"), "", p);
            case "alarm" -> view("alarm", "ALARM: " + s(p, "trigger"), list(p, "evidence").replace(", ", "\n"), p);
            case "rollback.countdown" -> view("alarm", "Rollback countdown of " + s(p, "trigger") + ": " + s(p, "state"), t(p, "detail"), p);
            case "rollback.started" -> view("rollback", "Rollback started", t(p, "reason"), p);
            case "rollback.finished" -> view("rollback", "Rollback finished: " + s(p, "result"), t(p, "reason"), p);
            case "verification" -> view("verification", "Verification", rows(p), p);
            case "checkpoint" -> view("checkpoint", "Signed checkpoint " + s(p, "shortHash") + " covering records 1–" + s(p, "covers"),
                    s(p, "reason"), p);
            case "recovery" -> view("recovery", "Recovered after an interrupted write", t(p, "description"), p);
            case "notification.queued" -> view("notification", "Notification to " + s(p, "channel") + " (" + s(p, "topic") + "): " + s(p, "subject"),
                    t(p, "text"), p, "id");
            case "notification.result" -> view("SUCCEEDED".equals(s(p, "status")) ? "success" : "failure", "Notification to " + s(p, "channel") + ": "
                    + ("SUCCEEDED".equals(s(p, "status")) ? "delivered" : "not delivered") + " after " + s(p, "attempts") + " attempt(s)", t(p, "detail"), p, "id");
            case "session.closed" -> view("session", "Session closed" + (p.has("result") ? ": " + s(p, "result") : ""), t(p, "note"), p);
            case "session.reopened" -> view("session", "Session reopened for its rollback by " + s(p, "reopenedBy"), t(p, "reason"), p);
            default -> new EventView("other", entry.type(), "", allFields(p));
        };
    }

    private static EventView view(String category, String title, String text, ObjectNode payload, String... fields) {
        List<Field> shown = new ArrayList<>();
        for (String field : fields) {
            if (payload.hasNonNull(field)) {
                shown.add(new Field(field, s(payload, field)));
            }
        }
        return new EventView(category, title, text, shown);
    }

    private static String outputText(ObjectNode payload) {
        if (payload.path("sensitive").asBoolean(false)) {
            return "(sensitive output not kept: " + s(payload, "bytes") + " bytes, SHA-256 " + s(payload, "sha256") + ")";
        }
        return t(payload, "text");
    }

    private static String outcomeCategory(ObjectNode payload) {
        String status = s(payload, "status");
        return "succeeded".equals(status) ? "success" : "skipped".equals(status) ? "skipped" : "failure";
    }

    private static String rows(ObjectNode payload) {
        return StreamSupport.stream(payload.path("rows").spliterator(), false)
                .map(row -> s(row, "check") + ": " + s(row, "result")).collect(Collectors.joining("\n"));
    }

    private static List<Field> allFields(ObjectNode payload) {
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(new Field(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        }
        return fields;
    }

    private static String join(ObjectNode payload, String first, String second) {
        return s(payload, first) + (payload.hasNonNull(second) ? " – " + s(payload, second) : "");
    }

    private static String list(ObjectNode payload, String field) {
        JsonNode node = payload.path(field);
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false)
                    .map(item -> item.isValueNode() ? item.asText() : item.toString()).collect(Collectors.joining(", "));
        }
        return s(payload, field);
    }

    /** Free text: empty when absent (a title shows "?" for a missing field instead). */
    private static String t(JsonNode payload, String field) {
        return payload.hasNonNull(field) ? s(payload, field) : "";
    }

    static String s(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "?";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
