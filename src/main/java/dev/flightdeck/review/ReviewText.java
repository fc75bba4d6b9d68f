package dev.flightdeck.review;

import java.util.ArrayList;
import java.util.List;

/** {@code journal show}: the same review as the HTML report, as text for a terminal. */
public final class ReviewText {

    private ReviewText() {}

    public static List<String> render(ReviewModel model) {
        List<String> lines = new ArrayList<>();
        ReviewModel.Summary s = model.summary();
        lines.add("Review of session " + s.sessionId() + " (" + s.records() + " records)");
        if (s.rehearsal()) {
            lines.add("REHEARSAL: this session ran against the rehearsal sandbox; no real system was touched.");
        }
        lines.add("outcome:      " + s.outcome());
        lines.add("runbook:      " + s.runbookTitle() + " (" + s.runbookId() + ")");
        lines.add("runbook sha:  " + s.runbookSha256() + " (" + s.runbookKept() + ")");
        lines.add("inventory:    " + s.inventory() + ", SHA-256 " + s.inventorySha256());
        lines.add("operator:     " + s.operator());
        lines.add("kind:         " + s.kind());
        lines.add("window:       " + s.windowStart() + " to " + s.windowEnd() + " · " + s.windowLength() + " ("
                + s.windowPlan() + ")");
        if (s.hasReopened()) {
            lines.add("reopened:     " + s.reopened());
        }
        lines.add("journal:      " + model.verification().verdict() + "; "
                + model.verification().closedWords());
        for (ReviewModel.PhaseSteps phase : model.phases()) {
            lines.add("");
            lines.add("== " + phase.title());
            phase.steps().forEach(step -> step(lines, step));
        }
        lines.add("");
        lines.add("== Approvals");
        model.approvals()
                .forEach(a -> lines.add(
                        "  " + a.proof() + " " + a.step() + ": approved by " + a.approver() + " (" + a.role() + ") at "
                                + a.time() + ", checkpoint " + a.checkpoint()
                                + (a.note().isBlank() ? "" : " — " + a.note()) + " [" + a.proofDetail() + "]"));
        if (model.approvals().isEmpty()) {
            lines.add("  none");
        }
        lines.add("");
        lines.add("== Alarms");
        for (ReviewModel.AlarmRow alarm : model.alarms()) {
            lines.add("  " + alarm.time() + "  " + alarm.trigger() + " → " + alarm.action()
                    + (alarm.countdown().isEmpty() ? "" : ": " + alarm.countdown()));
            alarm.evidence().forEach(line -> lines.add("      " + line));
        }
        if (model.alarms().isEmpty()) {
            lines.add("  none");
        }
        lines.add("");
        lines.add("== Shadow rules (dry run: evaluated, never acted)");
        for (ReviewModel.AlarmRow shadow : model.shadowRules()) {
            lines.add("  " + shadow.time() + "  " + shadow.trigger() + " → " + shadow.action());
            shadow.evidence().forEach(line -> lines.add("      " + line));
        }
        if (model.shadowRules().isEmpty()) {
            lines.add("  none would have fired");
        }
        lines.add("");
        lines.add("== Rollback");
        model.rollback()
                .ifPresentOrElse(
                        rollback -> {
                            lines.add("  started " + rollback.started() + " by " + rollback.startedBy() + ": "
                                    + rollback.reason());
                            rollback.steps().forEach(step -> step(lines, step));
                            rollback.verification()
                                    .forEach(row -> lines.add(String.format(
                                            "  %-4s %-6s %s (%s): %s",
                                            row.number(), row.result(), row.check(), row.kind(), row.detail())));
                            lines.add("  rollback " + rollback.finished());
                        },
                        () -> lines.add("  none"));
        lines.add("");
        lines.add("== Signed checkpoints");
        model.checkpoints()
                .forEach(c -> lines.add("  " + c.shortHash() + "  records 1–" + c.covers() + "  " + c.time() + "  "
                        + c.reason() + (c.closes() ? " (closes the session)" : "")));
        if (!model.metrics().isEmpty()) {
            lines.add("");
            lines.add("== Instruments (baseline · lowest / typical / highest · minutes)");
            model.metrics()
                    .forEach(m -> lines.add(String.format(
                            "  %-40s %s · %s / %s / %s · %d",
                            m.series(), m.baseline(), m.min(), m.typical(), m.max(), m.minutes())));
        }
        model.recoveries().forEach(note -> lines.add("RECOVERY: " + note));
        lines.add("");
        lines.add("== Timeline (instrument minutes are summarised above)");
        for (ReviewModel.TimelineRow row : model.timeline()) {
            lines.add(String.format("#%-5d %s  %-14s %s", row.sequence(), row.time(), row.actor(), row.title()));
            if (row.hasText()) {
                row.text().lines().forEach(line -> lines.add("         | " + line));
            }
        }
        return lines;
    }

    private static void step(List<String> lines, StepRow step) {
        lines.add(String.format("  %-5s %-9s %s", step.number(), step.statusWord(), step.title()));
        lines.add("        kind " + step.kind() + " · on " + step.targets() + " · " + step.who() + " · started "
                + step.started() + " · took " + step.duration());
        if (step.hasCommand()) {
            step.command().lines().forEach(line -> lines.add("        $ " + line));
        }
        lines.add("        result: " + step.result());
        if (step.hasCaution()) {
            lines.add("        approval not verified: " + step.caution());
        }
    }
}
