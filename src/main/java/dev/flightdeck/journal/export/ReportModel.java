package dev.flightdeck.journal.export;

import dev.flightdeck.journal.Checkpoint;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.verify.VerificationReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The data of the HTML review report: session summary, steps, approvals, alarms, rollback, checkpoints, timeline. */
final class ReportModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> STEP_TYPES = Set.of("step.intent", "step.output", "step.outcome", "step.skipped", "approval", "confirmation");

    private ReportModel() {
    }

    static Map<String, Object> of(Replay replay, VerificationReport verification) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("session", session(replay));
        model.put("intact", verification.isIntact());
        model.put("verdict", verification.verdict());
        model.put("verification", verification.lines());
        model.put("steps", steps(replay));
        model.put("approvals", rows(replay, Set.of("approval", "confirmation", "step.skipped")));
        model.put("alarms", rows(replay, Set.of("alarm")));
        model.put("rollback", rows(replay, Set.of("rollback.started", "rollback.finished", "verification")));
        model.put("notifications", NotificationRows.of(replay));
        model.put("recovery", rows(replay, Set.of("recovery")));
        model.put("hasRecovery", !replay.tornTails().isEmpty() || replay.entries().stream().anyMatch(entry -> entry.type().equals("recovery")));
        model.put("checkpoints", checkpoints(replay));
        model.put("timeline", rows(replay, null));
        return model;
    }

    private static Map<String, Object> session(Replay replay) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", String.valueOf(replay.sessionId()));
        session.put("records", replay.entries().size());
        for (JournalEntry entry : replay.entries()) {
            if (entry.type().equals("session.opened")) {
                session.put("runbook", entry.text("runbookId") + " – " + entry.text("runbookTitle"));
                session.put("operator", entry.text("operator"));
                session.put("inventory", entry.text("inventory"));
                session.put("window", entry.text("window"));
                session.put("opened", TIME.format(entry.time()));
                // a rehearsal against the sandbox must never pass for a real window in a review
                boolean rehearsal = "REHEARSAL".equals(entry.text("mode"));
                session.put("rehearsal", rehearsal);
                session.put("mode", rehearsal ? "Rehearsal against the sandbox on the operator's computer" : "Live");
            } else if (entry.type().equals("session.closed")) {
                session.put("closed", TIME.format(entry.time()));
                session.put("result", entry.text("result"));
            } else if (entry.type().equals("session.reopened")) {
                // the earlier close stays in the event list; the summary says whether it ended closed again
                session.put("reopened", TIME.format(entry.time()) + " by " + entry.text("reopenedBy") + ": " + entry.text("reason"));
                session.remove("closed");
                session.remove("result");
            }
        }
        return session;
    }

    private static List<Map<String, Object>> steps(Replay replay) {
        Map<String, List<Map<String, Object>>> byStep = new LinkedHashMap<>();
        for (JournalEntry entry : replay.entries()) {
            if (STEP_TYPES.contains(entry.type()) && entry.payload().hasNonNull("step")) {
                byStep.computeIfAbsent(entry.text("step"), step -> new ArrayList<>()).add(row(entry));
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        byStep.forEach((step, events) -> steps.add(Map.of("step", step, "events", events)));
        return steps;
    }

    /** Rows for the events of the given types; null means every event. */
    private static List<Map<String, Object>> rows(Replay replay, Set<String> types) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JournalEntry entry : replay.entries()) {
            if (types == null || types.contains(entry.type())) {
                rows.add(row(entry));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(JournalEntry entry) {
        EventView view = EventViews.of(entry);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence", entry.sequence());
        row.put("time", TIME.format(entry.time()));
        row.put("actor", entry.actor());
        row.put("type", entry.type());
        row.put("category", view.category());
        row.put("title", view.title());
        row.put("text", view.text());
        row.put("hasText", view.hasText());
        row.put("fields", view.fields().stream().map(field -> Map.of("label", field.label(), "value", field.value())).toList());
        row.put("hasFields", !view.fields().isEmpty());
        return row;
    }

    private static List<Map<String, Object>> checkpoints(Replay replay) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Checkpoint checkpoint : replay.checkpoints()) {
            rows.add(Map.of("sequence", checkpoint.sequence(), "covers", checkpoint.coveredSequence(),
                    "time", TIME.format(checkpoint.time()), "reason", checkpoint.reason(), "shortHash", checkpoint.shortHash()));
        }
        return rows;
    }
}
