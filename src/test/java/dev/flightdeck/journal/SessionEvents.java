package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A realistic small session written with the event types the session engine emits. */
public final class SessionEvents {

    private SessionEvents() {
    }

    public static void writeTypicalSession(JournalWriter writer) {
        writer.append("session.opened", "dana", JournalJson.object().put("runbookId", "project-h-upgrade")
                .put("runbookTitle", "Project-H system upgrade").put("operator", "Dana Whitfield (OPERATIONS)")
                .put("inventory", "clinic-prod.inventory.yaml").put("window", "2026-11-22 22:00–02:00 UTC"));
        writer.append("hostkey.decision", "dana", JournalJson.object().put("host", "app-1").put("fingerprint", "SHA256:3f9a…c1").put("decision", "trusted"));
        writer.append("connection", "flightdeck", JournalJson.object().put("host", "app-1").put("state", "connected"));
        ObjectNode intent = JournalJson.object().put("step", "app-backup").put("kind", "run").put("command", "tar -czf /var/backups/app.tar.gz /opt/project-h");
        intent.putArray("targets").add("app-1").add("app-2");
        writer.append("step.intent", "dana", intent);
        writer.append("step.output", "dana", JournalJson.object().put("step", "app-backup").put("host", "app-1").put("stream", "stdout")
                .put("text", "tar: removing leading '/'\nbackup complete").put("bytes", 42).put("elidedBytes", 0).put("sha256", "ab").put("sensitive", false));
        writer.append("step.outcome", "dana", JournalJson.object().put("step", "app-backup").put("host", "app-1").put("status", "succeeded")
                .put("exitCode", 0).put("durationMs", 5230).put("message", "exit code as expected"));
        writer.append("approval", "lee", JournalJson.object().put("step", "compliance-approval").put("approver", "Lee Okafor")
                .put("role", "COMPLIANCE").put("note", "HIPAA controls reviewed"));
        writer.checkpoint("approval compliance-approval");
        writer.append("confirmation", "dana", JournalJson.object().put("step", "window-notice").put("by", "Dana Whitfield").put("note", "mail sent 48h ago"));
        ObjectNode alarm = JournalJson.object().put("trigger", "error_rate > 1% for 5m");
        alarm.putArray("evidence").add("22:41:00 error_rate=1.4%").add("22:46:00 error_rate=1.9%");
        writer.append("alarm", "flightdeck", alarm);
        writer.append("rollback.started", "dana", JournalJson.object().put("reason", "error_rate > 1% for 5m"));
        writer.checkpoint("rollback started");
        writer.append("step.skipped", "dana", JournalJson.object().put("step", "canary-25").put("reason", "rolled back").put("by", "Dana Whitfield"));
        writer.append("rollback.finished", "dana", JournalJson.object().put("result", "restored to 4.2.1").put("reason", "error_rate > 1% for 5m"));
        ObjectNode verification = JournalJson.object();
        verification.putArray("rows").add(JournalJson.object().put("check", "patients row count").put("result", "48,112 = 48,112"))
                .add(JournalJson.object().put("check", "health endpoint").put("result", "200 OK"));
        writer.append("verification", "flightdeck", verification);
        writer.checkpoint("rollback finished");
        writer.append("custom.note", "dana", JournalJson.object().put("text", "vendor ticket 5521 opened"));
        writer.append("session.closed", "dana", JournalJson.object().put("result", "rolled back"));
        writer.closeSession("session close");
    }
}
