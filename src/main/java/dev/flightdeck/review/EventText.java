package dev.flightdeck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.EventTypes;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one journal event reads to a reviewer, from the session engine's typed events (decoded by
 * {@link SessionEventCodec}, the one definition of every payload): a category for styling, a one-line title and
 * optional preformatted text. Checkpoints and recovery notes are the journal's own records; any other type shows all
 * its fields.
 */
public final class EventText {

    /** @param category one of session, intent, output, succeeded, failed, unknown, skipped, approval, confirmation,
     *                  connection, alarm, metrics, rollback, verification, checkpoint, recovery, other */
    public record Line(String category, String title, String text) {
        public boolean hasText() {
            return text != null && !text.isEmpty();
        }
    }

    private EventText() {}

    public static Line of(JournalEntry entry) {
        if (entry.type().equals(EventTypes.CHECKPOINT)) {
            return new Line(
                    "checkpoint",
                    "Signed checkpoint " + entry.text("shortHash") + " covering records 1–" + entry.text("covers")
                            + (entry.payload().path("closesSession").asBoolean() ? " (closes the session)" : ""),
                    entry.text("reason"));
        }
        if (entry.type().equals(EventTypes.WITHHELD)) {
            String step = entry.text("stepId");
            return new Line(
                    "withheld",
                    "Withheld from this evidence pack: " + entry.text("type")
                            + (step.isEmpty() ? "" : " of step " + step),
                    "its text is left out; its commitment is in the chain the checkpoints sign");
        }
        if (entry.type().equals(EventTypes.RECOVERY)) {
            return new Line("recovery", "Recovered after an interrupted write", entry.text("description"));
        }
        Optional<SessionEvent> event = decode(entry);
        return event.map(e -> of(e, entry.actor()))
                .orElseGet(() -> new Line("other", entry.type(), allFields(entry.payload())));
    }

    /**
     * The typed event of a record; empty for the journal's own records and for a record the codec cannot read as its
     * type (shown with all its fields rather than hidden, or read with placeholders).
     */
    static Optional<SessionEvent> decode(JournalEntry entry) {
        try {
            return SessionEventCodec.decode(entry.type(), entry.payload()).filter(EventText::complete);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The fields every reading relies on are there (a payload written by something else than the engine may lack them). */
    private static boolean complete(SessionEvent event) {
        if (event instanceof SessionEvent.StepIntent e) {
            return e.stepId() != null && e.kind() != null && e.targets() != null && e.text() != null;
        } else if (event instanceof SessionEvent.StepOutcome e) {
            return e.stepId() != null
                    && e.status() != null
                    && e.message() != null
                    && e.hosts() != null
                    && e.outputs() != null;
        } else if (event instanceof SessionEvent.StepOutput e) {
            return e.stepId() != null && e.host() != null && e.text() != null;
        } else if (event instanceof SessionEvent.StepSkipped e) {
            return e.stepId() != null && e.reason() != null;
        } else if (event instanceof SessionEvent.Confirmation e) {
            return e.stepId() != null;
        } else if (event instanceof SessionEvent.Approval e) {
            return e.stepId() != null && e.approver() != null && e.role() != null;
        } else if (event instanceof SessionEvent.Alarm e) {
            return e.trigger() != null && e.evidence() != null;
        } else if (event instanceof SessionEvent.AnalysisInconclusive e) {
            return e.trigger() != null && e.kind() != null && e.evidence() != null;
        } else if (event instanceof SessionEvent.AnalysisDecision e) {
            return e.trigger() != null && e.decision() != null && e.decidedBy() != null;
        } else if (event instanceof SessionEvent.ShadowAlarm e) {
            return e.trigger() != null && e.wouldHave() != null && e.evidence() != null;
        } else if (event instanceof SessionEvent.Verification e) {
            return e.rows() != null;
        } else if (event instanceof SessionEvent.RollbackFinished e) {
            return e.result() != null;
        } else if (event instanceof SessionEvent.RollbackCountdown e) {
            return e.state() != null;
        } else if (event instanceof SessionEvent.SessionRoster e) {
            return e.team() != null && e.rosterSha256() != null;
        } else if (event instanceof SessionEvent.ApprovalRequested e) {
            return e.stepId() != null && e.roles() != null && e.chainHead() != null;
        } else if (event instanceof SessionEvent.SessionOpened e) {
            return e.runbookId() != null && e.runbookSha256() != null && e.operator() != null && e.mode() != null;
        } else if (event instanceof SessionEvent.MetricsMinute e) {
            return e.series() != null && e.minute() != null;
        }
        return true;
    }

    static Line of(SessionEvent event, String actor) {
        if (event instanceof SessionEvent.SessionOpened e) {
            return new Line(
                    "session",
                    "Session opened by " + e.operator() + ": " + e.runbookTitle() + " (" + e.runbookId() + "), "
                            + (e.mode() == SessionEvent.Mode.REHEARSAL ? "rehearsal" : "real window"),
                    "inventory " + e.inventory());
        } else if (event instanceof SessionEvent.SessionRoster e) {
            return new Line(
                    "session",
                    "Approvals are checked against the roster of " + e.team() + " (SHA-256 "
                            + e.rosterSha256()
                                    .substring(0, Math.min(12, e.rosterSha256().length())) + "…)",
                    e.rosterSignedBy() == null || e.rosterSignedBy().isBlank()
                            ? "the roster is not signed"
                            : "signed by " + e.rosterSignedBy());
        } else if (event instanceof SessionEvent.SessionResumed e) {
            return new Line("session", "Session resumed by " + e.operator(), e.reason());
        } else if (event instanceof SessionEvent.StepIntent e) {
            return new Line(
                    "intent",
                    (e.rollback() ? "Rollback step " : "Starts ") + e.stepId() + " (" + e.kind() + ")"
                            + (e.targets().isEmpty() ? "" : " on " + String.join(", ", e.targets()))
                            + (e.attempt() > 1 ? ", attempt " + e.attempt() : ""),
                    e.text());
        } else if (event instanceof SessionEvent.StepOutput e) {
            return new Line(
                    "output", "Output of " + e.stepId() + " on " + e.host() + " (" + e.stream() + ")", e.text());
        } else if (event instanceof SessionEvent.StepOutcome e) {
            return new Line(
                    Words.statusClass(e.status()),
                    e.stepId() + ": " + Words.status(e.status()) + " in " + Words.duration(e.durationMillis())
                            + (e.manual() ? ", marked by hand by " + actor : ""),
                    Words.outcomeText(e));
        } else if (event instanceof SessionEvent.StepSkipped e) {
            return new Line("skipped", e.stepId() + " skipped by " + actor, e.reason());
        } else if (event instanceof SessionEvent.Confirmation e) {
            return new Line("confirmation", e.stepId() + " confirmed by " + actor, e.note());
        } else if (event instanceof SessionEvent.ApprovalRequested e) {
            return new Line(
                    "approval",
                    e.stepId() + " waits for a signed approval by " + String.join(", ", e.roles()),
                    "the approval must name chain head " + e.chainHead());
        } else if (event instanceof SessionEvent.Approval e) {
            return new Line("approval", e.stepId() + " approved by " + e.approver() + " (" + e.role() + ")", e.note());
        } else if (event instanceof SessionEvent.HostKeyDecision e) {
            return new Line(
                    "connection",
                    "Host key of " + e.host() + " (" + e.keyType() + "): " + e.decision(),
                    e.fingerprint());
        } else if (event instanceof SessionEvent.ConnectionChanged e) {
            return new Line("connection", "Connection to " + e.target() + ": " + e.state(), e.detail());
        } else if (event instanceof SessionEvent.Alarm e) {
            return new Line(
                    "alarm", "ALARM: " + e.trigger() + " (" + e.action() + ")", String.join("\n", e.evidence()));
        } else if (event instanceof SessionEvent.AnalysisInconclusive e) {
            return new Line(
                    "alarm",
                    "PAUSED: " + e.trigger() + " is " + e.kind()
                            + (e.series() == null || e.series().isEmpty() ? "" : " on " + e.series())
                            + "; waiting for the operator (continue or roll back)",
                    String.join("\n", e.evidence()));
        } else if (event instanceof SessionEvent.AnalysisDecision e) {
            return new Line(
                    e.decision().equals(SessionEvent.AnalysisDecision.ROLLBACK) ? "rollback" : "confirmation",
                    e.decidedBy() + " answered " + e.trigger() + ": " + e.decision(),
                    e.note());
        } else if (event instanceof SessionEvent.ShadowAlarm e) {
            return new Line(
                    "metrics",
                    "Shadow rule " + e.trigger() + " " + e.wouldHave() + " (dry run, nothing done)",
                    String.join("\n", e.evidence()));
        } else if (event instanceof SessionEvent.MetricsMinute e) {
            return new Line("metrics", "Metrics of " + e.series() + ", " + e.minute(), e.text());
        } else if (event instanceof SessionEvent.RollbackCountdown e) {
            return new Line(
                    e.state() == SessionEvent.CountdownState.CANCELLED ? "rollback" : "alarm",
                    "Rollback countdown of " + e.trigger() + ": "
                            + e.state().name().toLowerCase(),
                    e.detail());
        } else if (event instanceof SessionEvent.RollbackStarted e) {
            return new Line("rollback", "Rollback started by " + e.startedBy(), e.reason());
        } else if (event instanceof SessionEvent.RollbackFinished e) {
            return new Line(
                    Words.statusClass(e.result()), "Rollback finished: " + Words.status(e.result()), e.message());
        } else if (event instanceof SessionEvent.Verification e) {
            return new Line(
                    e.passed() ? "succeeded" : "failed",
                    "Verification (" + e.title() + "): " + (e.passed() ? "passed" : "NOT passed"),
                    e.rows().stream()
                            .map(row -> row.getOrDefault("number", "") + " " + row.getOrDefault("check", "") + ": "
                                    + row.getOrDefault("result", "") + " (" + row.getOrDefault("detail", "") + ")")
                            .collect(Collectors.joining("\n")));
        } else if (event instanceof SessionEvent.StepOutputPart e) {
            return new Line(
                    "output",
                    "Output of " + e.stepId() + " on " + e.host() + " (" + e.stream() + "), part " + e.part(),
                    e.text());
        } else if (event instanceof SessionEvent.NotificationQueued e) {
            return new Line(
                    "notification",
                    "Notification to " + e.channel() + " (" + e.topic() + "): " + e.subject(),
                    e.text());
        } else if (event instanceof SessionEvent.NotificationResult e) {
            return new Line(
                    Words.statusClass(e.status()),
                    "Notification to " + e.channel() + ": "
                            + (e.status() == SessionEvent.Status.SUCCEEDED ? "delivered" : "not delivered") + " after "
                            + e.attempts() + " attempt"
                            + (e.attempts() == 1 ? "" : "s"),
                    e.detail());
        } else if (event instanceof SessionEvent.WindowClosed e) {
            return new Line("session", "Console window closed by " + e.closedBy(), e.sessionState());
        } else if (event instanceof SessionEvent.SessionClosed e) {
            return new Line("session", "Session closed: " + e.result(), "");
        } else if (event instanceof SessionEvent.SessionReopened e) {
            return new Line("session", "Session reopened for its rollback by " + e.reopenedBy(), e.reason());
        }
        // an event this reading does not know yet still shows, with its type and fields, never as an error
        return new Line("other", event.type(), SessionEventCodec.encode(event).toPrettyString());
    }

    private static String allFields(ObjectNode payload) {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            text.append(text.length() == 0 ? "" : "\n")
                    .append(field.getKey())
                    .append(": ")
                    .append(value.isValueNode() ? value.asText() : value.toString());
        }
        return text.toString();
    }

    static String join(List<String> items) {
        return items.isEmpty() ? "—" : String.join(", ", items);
    }
}
