package dev.flightdeck.review;

import dev.flightdeck.journal.EventTypes;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.JournaledSources;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reviewer reads, built once from a session's journal and its verification, shown by {@link HtmlReport} and
 * {@link ReviewText} alike: the summary, the steps phase by phase, approvals, alarms, the rollback, notifications,
 * checkpoints, metrics and the timeline. Every event is read through the session engine's typed events.
 */
public record ReviewModel(
        Summary summary,
        Verification verification,
        List<PhaseSteps> phases,
        List<ApprovalRow> approvals,
        List<AlarmRow> alarms,
        Optional<RollbackPart> rollback,
        List<CheckpointRow> checkpoints,
        List<SignalSummary> metrics,
        List<String> recoveries,
        List<TimelineRow> timeline,
        List<NotificationRow> notifications,
        List<AlarmRow> shadowRules) {

    /** A notification and what became of it; {@code status} is the row's style (succeeded, failed, skipped). */
    public record NotificationRow(
            String time, String channel, String topic, String subject, String result, String detail, String status) {
        public boolean hasDetail() {
            return !detail.isBlank();
        }
    }

    public boolean hasNotifications() {
        return !notifications.isEmpty();
    }

    public record Summary(
            String sessionId,
            long records,
            String runbookTitle,
            String runbookId,
            String runbookSha256,
            String runbookKept,
            String inventory,
            String inventorySha256,
            String operator,
            boolean rehearsal,
            String kind,
            String windowStart,
            String windowEnd,
            String windowLength,
            String windowPlan,
            String outcome,
            String outcomeStyle,
            String reopened) {
        public boolean hasReopened() {
            return !reopened.isEmpty();
        }
    }

    public record Verification(
            boolean intact, String verdict, boolean closed, String closedWords, List<String> lines) {}

    public record PhaseSteps(String title, List<StepRow> steps) {}

    /**
     * @param proof    ✓ (signed by a roster key holding the role), ✗ (a signature that does not prove it) or
     *                 "unverified" (a typed name), checked again from the journal ({@link ApprovalAudit})
     * @param proofDetail what the check found, with the key's fingerprint when there is one
     */
    public record ApprovalRow(
            String step,
            String approver,
            String role,
            String note,
            String time,
            String checkpoint,
            String proof,
            String proofDetail) {
        /** The row's style class: verified, refused or unverified. */
        public String proofClass() {
            return switch (proof) {
                case "✓" -> "verified";
                case "✗" -> "refused";
                default -> "unverified";
            };
        }
    }

    public record AlarmRow(String time, String trigger, String action, List<String> evidence, String countdown) {}

    public record VerificationRow(
            String number, String check, String kind, String result, String detail, String status) {}

    public record RollbackPart(
            String started,
            String startedBy,
            String reason,
            List<StepRow> steps,
            String verificationTitle,
            List<VerificationRow> verification,
            String finished,
            String finishedStyle) {
        public boolean hasVerification() {
            return !verification.isEmpty();
        }
    }

    public record CheckpointRow(
            long sequence, long covers, String time, String reason, String shortHash, boolean closes) {}

    public record TimelineRow(
            long sequence, String time, String actor, String type, String category, String title, String text) {
        public boolean hasText() {
            return !text.isEmpty();
        }
    }

    /** The rollback as a list of none or one, for templates. */
    public List<RollbackPart> rollbackShown() {
        return rollback.stream().toList();
    }

    public boolean hasAlarms() {
        return !alarms.isEmpty();
    }

    /** What the dry-run rules ({@code mode: shadow}) would have done: evaluated and journaled, never acting. */
    public boolean hasShadowRules() {
        return !shadowRules.isEmpty();
    }

    public boolean hasApprovals() {
        return !approvals.isEmpty();
    }

    public boolean hasMetrics() {
        return !metrics.isEmpty();
    }

    public boolean hasRecoveries() {
        return !recoveries.isEmpty();
    }

    public static ReviewModel of(Replay replay, VerificationReport report) {
        List<Recorded> history = new ArrayList<>();
        for (JournalEntry entry : replay.entries()) {
            EventText.decode(entry)
                    .ifPresent(
                            event -> history.add(new Recorded(entry.sequence(), entry.time(), entry.actor(), event)));
        }
        Optional<SessionEvent.SessionOpened> opened = history.stream()
                .map(Recorded::event)
                .filter(SessionEvent.SessionOpened.class::isInstance)
                .map(SessionEvent.SessionOpened.class::cast)
                .findFirst();
        Optional<Runbook> runbook = opened.flatMap(ReviewModel::runbookOf);
        Optional<SessionState> state = runbook.map(book -> SessionFold.fold(book, history));
        // the audit lists the approvals in journal order, one line per approval event
        List<ApprovalAudit.Line> audited =
                ApprovalAudit.of(history, Optional.empty()).lines();
        StepRows steps = new StepRows(history, audited, runbook, state, withheldByStep(replay));
        boolean closed = replay.isClosed() && report.isClosed();
        Verification verification = new Verification(
                report.isIntact(),
                report.verdict(),
                closed,
                closed
                        ? "closed: the last record is the signed checkpoint that closed the session"
                        : "NOT closed: the journal does not end with the checkpoint that closes the session (still open, or cut short)",
                report.lines());
        return new ReviewModel(
                Summaries.summary(replay, history, opened, runbook, steps, closed),
                verification,
                steps.phases(),
                approvals(history, audited),
                alarms(history),
                rollback(history, steps),
                checkpoints(replay),
                SignalSummary.of(history),
                recoveries(replay),
                timeline(replay),
                NotificationRows.of(history),
                shadowRules(history));
    }

    private static List<AlarmRow> shadowRules(List<Recorded> history) {
        List<AlarmRow> rows = new ArrayList<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.ShadowAlarm shadow) {
                rows.add(new AlarmRow(
                        Words.time(recorded.time()), shadow.trigger(), shadow.wouldHave(), shadow.evidence(), ""));
            }
        }
        return rows;
    }

    /** Records of each step an evidence pack left out (shown as withheld, never as not run). */
    private static Map<String, Long> withheldByStep(Replay replay) {
        Map<String, Long> counts = new LinkedHashMap<>();
        replay.entries().stream()
                .filter(entry -> entry.type().equals(EventTypes.WITHHELD)
                        && !entry.text("stepId").isEmpty())
                .forEach(entry -> counts.merge(entry.text("stepId"), 1L, Long::sum));
        return counts;
    }

    private static Optional<Runbook> runbookOf(SessionEvent.SessionOpened opened) {
        try {
            return JournaledSources.runbookOf(opened).flatMap(parsed -> parsed.value());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static List<ApprovalRow> approvals(List<Recorded> history, List<ApprovalAudit.Line> audited) {
        List<ApprovalRow> rows = new ArrayList<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.Approval approval) {
                ApprovalAudit.Line proof = audited.get(rows.size());
                rows.add(new ApprovalRow(
                        approval.stepId(),
                        approval.approver(),
                        approval.role(),
                        Words.text(approval.note()),
                        Words.time(recorded.time()),
                        approval.checkpoint() == null ? "—" : approval.checkpoint(),
                        proof.verdict().mark(),
                        (proof.fingerprint() == null ? "" : "key " + proof.fingerprint() + ": ") + proof.detail()));
            }
        }
        return rows;
    }

    private static List<AlarmRow> alarms(List<Recorded> history) {
        List<AlarmRow> rows = new ArrayList<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.Alarm alarm) {
                rows.add(new AlarmRow(
                        Words.time(recorded.time()), alarm.trigger(), alarm.action(), alarm.evidence(), ""));
            } else if (recorded.event() instanceof SessionEvent.AnalysisInconclusive pause) {
                rows.add(new AlarmRow(
                        Words.time(recorded.time()),
                        pause.trigger(),
                        pause.kind() + ": window paused for the operator",
                        pause.evidence(),
                        ""));
            } else if (recorded.event() instanceof SessionEvent.AnalysisDecision decision) {
                rows.add(new AlarmRow(
                        Words.time(recorded.time()),
                        decision.trigger(),
                        "answered: " + decision.decision() + " (" + decision.decidedBy() + ")",
                        List.of(),
                        Words.text(decision.note())));
            } else if (recorded.event() instanceof SessionEvent.RollbackCountdown countdown) {
                rows.add(new AlarmRow(
                        Words.time(recorded.time()),
                        countdown.trigger(),
                        "countdown " + countdown.state().name().toLowerCase(),
                        List.of(),
                        Words.text(countdown.detail())));
            }
        }
        return rows;
    }

    private static Optional<RollbackPart> rollback(List<Recorded> history, StepRows steps) {
        Recorded started = null;
        SessionEvent.Verification verification = null;
        Recorded finished = null;
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.RollbackStarted) {
                started = recorded;
                verification = null;
                finished = null;
            } else if (recorded.event() instanceof SessionEvent.Verification checked) {
                verification = checked;
            } else if (recorded.event() instanceof SessionEvent.RollbackFinished) {
                finished = recorded;
            }
        }
        if (started == null) {
            return Optional.empty();
        }
        SessionEvent.RollbackStarted start = (SessionEvent.RollbackStarted) started.event();
        List<VerificationRow> rows = verification == null
                ? List.of()
                : verification.rows().stream()
                        .map(row -> new VerificationRow(
                                row.getOrDefault("number", ""),
                                row.getOrDefault("check", ""),
                                row.getOrDefault("kind", ""),
                                row.getOrDefault("result", ""),
                                row.getOrDefault("detail", ""),
                                "PASS".equalsIgnoreCase(row.getOrDefault("result", "")) ? "succeeded" : "failed"))
                        .toList();
        String end = "the rollback has not finished";
        String style = "unknown";
        if (finished != null) {
            SessionEvent.RollbackFinished done = (SessionEvent.RollbackFinished) finished.event();
            end = Words.status(done.result()) + " at " + Words.time(finished.time()) + ": "
                    + Words.text(done.message());
            style = Words.statusClass(done.result());
        }
        return Optional.of(new RollbackPart(
                Words.time(started.time()),
                start.startedBy() == null ? started.actor() : start.startedBy(),
                Words.text(start.reason()),
                steps.rollbackSteps(),
                verification == null ? "" : verification.title(),
                rows,
                end,
                style));
    }

    private static List<CheckpointRow> checkpoints(Replay replay) {
        return replay.checkpoints().stream()
                .map(checkpoint -> new CheckpointRow(
                        checkpoint.sequence(),
                        checkpoint.coveredSequence(),
                        Words.time(checkpoint.time()),
                        checkpoint.reason(),
                        checkpoint.shortHash(),
                        checkpoint.closesSession()))
                .toList();
    }

    private static List<String> recoveries(Replay replay) {
        List<String> notes = new ArrayList<>();
        replay.entries().stream()
                .filter(entry -> entry.type().equals(EventTypes.RECOVERY))
                .forEach(entry -> notes.add("record " + entry.sequence() + ": " + entry.text("description")));
        replay.tornTails().forEach(tear -> notes.add(tear.describe()));
        return notes;
    }

    /** Every record but the minute summaries of the instruments (they are summarised per signal). */
    private static List<TimelineRow> timeline(Replay replay) {
        List<TimelineRow> rows = new ArrayList<>();
        for (JournalEntry entry : replay.entries()) {
            if (entry.type().equals(SessionEvent.MetricsMinute.TYPE)) {
                continue;
            }
            EventText.Line line = EventText.of(entry);
            rows.add(new TimelineRow(
                    entry.sequence(),
                    Words.time(entry.time()),
                    entry.actor(),
                    entry.type(),
                    line.category(),
                    line.title(),
                    line.text() == null ? "" : line.text()));
        }
        return rows;
    }

    static String length(Instant start, Instant end) {
        return Durations.readable(Duration.between(start, end));
    }
}
