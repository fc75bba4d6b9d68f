package dev.flightdeck.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The JSON each HTTP channel receives, one method per format: Slack (Block Kit with {@code text} as the plain
 * fallback), Microsoft Teams (an Adaptive Card with {@code fallbackText}), PagerDuty Events API v2 and the generic
 * webhook. Tests compare these byte for byte with what a receiver gets; docs/notifications.md shows them.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    public static String slack(Notification n) {
        ObjectNode root = JSON.createObjectNode().put("text", n.fallback());
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", clip(n.subject(), 150));
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", clip(n.text(), 3000));
        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        context.addObject().put("type", "plain_text").put("text", facts(n));
        return root.toString();
    }

    public static String teams(Notification n) {
        ObjectNode root = JSON.createObjectNode().put("type", "message").put("summary", n.fallback());
        ObjectNode attachment =
                root.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = attachment
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4")
                .put("fallbackText", n.fallback());
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", n.subject())
                .put("weight", "Bolder")
                .put("size", "Medium")
                .put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", n.text()).put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", "Session").put("value", n.session().sessionId());
        facts.addObject().put("title", "System").put("value", n.session().system());
        facts.addObject().put("title", "Operator").put("value", n.session().operator());
        facts.addObject().put("title", "State").put("value", n.session().state());
        return root.toString();
    }

    /**
     * One incident per session ({@code dedup_key}): alerts and notices trigger (or update) it, a verified rollback or
     * the session's close resolves it.
     *
     * @param severity the channel's severity for alerts; notices go as {@code info}
     */
    public static String pagerDuty(Notification n, String routingKey, String severity) {
        ObjectNode root = JSON.createObjectNode()
                .put("routing_key", routingKey)
                .put("event_action", n.urgency() == Notification.Urgency.RESOLVE ? "resolve" : "trigger")
                .put("dedup_key", dedupKey(n));
        if (n.urgency() != Notification.Urgency.RESOLVE) {
            ObjectNode payload = root.putObject("payload")
                    .put("summary", clip(n.fallback(), 1024))
                    .put("source", n.session().system())
                    .put("severity", n.urgency() == Notification.Urgency.ALERT ? severity : "info")
                    .put("component", "flightdeck")
                    .put("group", n.topic());
            payload.putObject("custom_details")
                    .put("text", n.text())
                    .put("session", n.session().sessionId())
                    .put("operator", n.session().operator())
                    .put("state", n.session().state());
        }
        return root.toString();
    }

    /** The session's incident key: the same for every message of one session, so its end resolves what its alarm opened. */
    public static String dedupKey(Notification n) {
        return "flightdeck-" + n.session().sessionId();
    }

    public static String webhook(Notification n) {
        return JSON.createObjectNode()
                .put("id", n.id())
                .put("topic", n.topic())
                .put("subject", n.subject())
                .put("text", n.text())
                .put("session", n.session().sessionId())
                .put("system", n.session().system())
                .put("operator", n.session().operator())
                .put("state", n.session().state())
                .put("rehearsal", n.session().rehearsal())
                .put("urgency", n.urgency().name().toLowerCase(Locale.ROOT))
                .toString();
    }

    private static String facts(Notification n) {
        return "Session " + n.session().sessionId() + " · " + n.session().system() + " · operator "
                + n.session().operator() + " · " + n.session().state();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
