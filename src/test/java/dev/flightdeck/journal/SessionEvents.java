package dev.flightdeck.journal;

import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.util.List;
import java.util.Map;

/**
 * A realistic small session, written as the session engine writes it: typed events encoded by
 * {@link SessionEventCodec} (the one definition of every payload), never hand-made JSON that could drift from it.
 */
public final class SessionEvents {

    private SessionEvents() {}

    public static void writeTypicalSession(JournalWriter writer) {
        append(
                writer,
                "dana",
                new SessionEvent.SessionOpened(
                        "5f0c9f0e-0000-4000-8000-000000000001",
                        "project-h-upgrade",
                        "Project-H system upgrade",
                        "seeds/000.txt",
                        "ab12",
                        "Dana Whitfield",
                        "clinic-prod.inventory.yaml",
                        "20261122_220000",
                        Map.of(),
                        SessionEvent.Mode.LIVE));
        append(
                writer,
                "flightdeck",
                new SessionEvent.HostKeyDecision("app-1", "ssh-ed25519", "SHA256:3f9a…c1", "trusted"));
        append(
                writer,
                "flightdeck",
                new SessionEvent.ConnectionChanged("app-1", "connected", "app-1 (ops@10.0.0.5:22) in 120 ms"));
        append(
                writer,
                "dana",
                new SessionEvent.StepIntent(
                        "app-backup",
                        "run",
                        1,
                        List.of("app-1", "app-2"),
                        "tar -czf /var/backups/app.tar.gz /opt/project-h",
                        false));
        append(
                writer,
                "dana",
                new SessionEvent.StepOutput(
                        "app-backup", "app-1", "stdout", "tar: removing leading '/'\nbackup complete"));
        append(
                writer,
                "dana",
                new SessionEvent.StepOutcome(
                        "app-backup",
                        1,
                        SessionEvent.Status.SUCCEEDED,
                        "2 of 2 hosts succeeded",
                        Map.of(),
                        List.of(
                                new SessionEvent.HostResult("app-1", SessionEvent.Status.SUCCEEDED, 0, "exit 0"),
                                new SessionEvent.HostResult("app-2", SessionEvent.Status.SUCCEEDED, 0, "exit 0")),
                        5230,
                        false));
        append(
                writer,
                "Lee Okafor",
                new SessionEvent.Approval(
                        "compliance-approval", "Lee Okafor", "COMPLIANCE", "HIPAA controls reviewed", null));
        writer.checkpoint("approval compliance-approval");
        append(writer, "Dana Whitfield", new SessionEvent.Confirmation("window-notice", "mail sent 48h ago"));
        append(
                writer,
                "flightdeck",
                new SessionEvent.Alarm(
                        "error_rate > 1% for 5m",
                        "rollback", List.of("22:41:00 error_rate=1.4%", "22:46:00 error_rate=1.9%")));
        append(writer, "dana", new SessionEvent.RollbackStarted("error_rate > 1% for 5m", "dana"));
        writer.checkpoint("rollback started");
        append(writer, "Dana Whitfield", new SessionEvent.StepSkipped("canary-25", "rolled back"));
        append(writer, "dana", new SessionEvent.RollbackFinished(SessionEvent.Status.SUCCEEDED, "restored to 4.2.1"));
        append(
                writer,
                "flightdeck",
                new SessionEvent.Verification(
                        "rollback verification",
                        List.of(
                                Map.of(
                                        "number",
                                        "V1",
                                        "check",
                                        "patients row count",
                                        "kind",
                                        "sql",
                                        "result",
                                        "PASS",
                                        "detail",
                                        "48,112 = 48,112"),
                                Map.of(
                                        "number",
                                        "V2",
                                        "check",
                                        "health endpoint",
                                        "kind",
                                        "http",
                                        "result",
                                        "PASS",
                                        "detail",
                                        "200 OK")),
                        true));
        writer.checkpoint("rollback finished");
        writer.append("custom.note", "dana", JournalJson.object().put("text", "vendor ticket 5521 opened"));
        append(writer, "dana", new SessionEvent.SessionClosed("rolled back"));
        writer.closeSession("session close");
    }

    private static void append(JournalWriter writer, String actor, SessionEvent event) {
        writer.append(event.type(), actor, SessionEventCodec.encode(event));
    }
}
