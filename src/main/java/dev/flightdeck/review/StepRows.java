package dev.flightdeck.review;

import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Folds a session's step events (intent, outcome, confirmation, approval, skip) into one row per step. */
final class StepRows {

    /** The latest attempt of one step, as its events tell it. */
    private static final class Track {
        final String stepId;
        SessionEvent.StepIntent intent;
        Recorded intentRecord;
        SessionEvent.StepOutcome outcome;
        String outcomeActor;
        String skippedBy;
        String skipReason;
        String confirmedBy;
        boolean interrupted;
        long withheld;
        final List<SessionEvent.Approval> approvals = new ArrayList<>();
        /** the approvals the audit could not prove (typed, no roster for the key, or refused on the check again) */
        final List<ApprovalAudit.Line> unproven = new ArrayList<>();

        Track(String stepId) {
            this.stepId = stepId;
        }
    }

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final List<ApprovalAudit.Line> audited;
    private final Optional<Runbook> runbook;
    private final Optional<SessionState> state;
    private int approvalsSeen;

    /**
     * @param audited        the audit of the history's approvals, one line per approval event in journal order
     * @param withheldByStep records of each step an evidence pack left out (empty for a journal)
     */
    StepRows(
            List<Recorded> history,
            List<ApprovalAudit.Line> audited,
            Optional<Runbook> runbook,
            Optional<SessionState> state,
            Map<String, Long> withheldByStep) {
        this.audited = audited;
        this.runbook = runbook;
        this.state = state;
        for (Recorded recorded : history) {
            add(recorded);
        }
        withheldByStep.forEach((stepId, count) -> track(stepId).withheld = count);
    }

    /** How many steps have records an evidence pack left out. */
    long withheldSteps() {
        return tracks.values().stream().filter(track -> track.withheld > 0).count();
    }

    private void add(Recorded recorded) {
        SessionEvent event = recorded.event();
        if (event instanceof SessionEvent.StepIntent intent) {
            Track track = track(intent.stepId());
            track.intent = intent;
            track.intentRecord = recorded;
            track.outcome = null;
            track.interrupted = false;
        } else if (event instanceof SessionEvent.StepOutcome outcome) {
            Track track = track(outcome.stepId());
            track.outcome = outcome;
            track.outcomeActor = recorded.actor();
        } else if (event instanceof SessionEvent.StepSkipped skipped) {
            Track track = track(skipped.stepId());
            track.skippedBy = recorded.actor();
            track.skipReason = skipped.reason();
            track.outcome = null; // skipped after it failed: the skip is what the session went on with
        } else if (event instanceof SessionEvent.Confirmation confirmation) {
            track(confirmation.stepId()).confirmedBy = recorded.actor();
        } else if (event instanceof SessionEvent.Approval approval) {
            Track track = track(approval.stepId());
            track.approvals.add(approval);
            ApprovalAudit.Line proof = audited.get(approvalsSeen++);
            if (proof.verdict() != ApprovalAudit.Verdict.VERIFIED) {
                track.unproven.add(proof);
            }
        } else if (event instanceof SessionEvent.SessionResumed || event instanceof SessionEvent.SessionReopened) {
            tracks.values().stream()
                    .filter(track -> track.intent != null && track.outcome == null)
                    .forEach(track -> track.interrupted = true);
        }
    }

    private Track track(String stepId) {
        return tracks.computeIfAbsent(stepId, Track::new);
    }

    /** The runbook's phases, each with its steps in order (steps that never ran included). */
    List<ReviewModel.PhaseSteps> phases() {
        List<ReviewModel.PhaseSteps> phases = new ArrayList<>();
        if (runbook.isPresent()) {
            for (Phase phase : runbook.get().phases()) {
                phases.add(new ReviewModel.PhaseSteps(
                        phase.title().isBlank() ? phase.id() : phase.title(),
                        phase.steps().stream().map(step -> row(step.id())).toList()));
            }
        } else {
            // without the runbook (an old journal of a runbook file): the steps in the order they ran
            phases.add(new ReviewModel.PhaseSteps(
                    "Steps in the order they ran",
                    tracks.values().stream()
                            .filter(track -> track.intent == null || !track.intent.rollback())
                            .map(track -> row(track.stepId))
                            .toList()));
        }
        return phases;
    }

    /** The rollback's steps: the plan's and the undo steps that ran, in the order they ran, then the plan's not run. */
    List<StepRow> rollbackSteps() {
        List<String> ids = new ArrayList<>();
        tracks.values().stream()
                .filter(track -> track.intent != null && track.intent.rollback() && !isVerification(track.stepId))
                .forEach(track -> ids.add(track.stepId));
        runbook.ifPresent(book -> book.rollback().stream()
                .map(Step::id)
                .filter(id -> !ids.contains(id))
                .forEach(ids::add));
        return ids.stream().map(this::row).toList();
    }

    private boolean isVerification(String stepId) {
        return runbook.map(book -> book.rollbackVerification().stream()
                        .anyMatch(step -> step.id().equals(stepId)))
                .orElse(false);
    }

    /** The first phase step that failed or whose outcome is unknown, as "2.3 Title". */
    Optional<String> firstFailure() {
        return phases().stream()
                .flatMap(phase -> phase.steps().stream())
                .filter(row -> row.status().equals("failed") || row.status().equals("unknown"))
                .map(row -> row.number() + " " + row.title())
                .findFirst();
    }

    StepRow row(String stepId) {
        Track track = tracks.getOrDefault(stepId, new Track(stepId));
        Optional<Step> step = runbook.flatMap(book -> book.step(stepId));
        String number = runbook.map(book -> book.numberOf(stepId)).orElse(stepId);
        String title = step.map(s -> state.map(st -> st.title(s)).orElse(s.displayTitle()))
                .orElse(stepId);
        String kind = track.intent != null
                ? track.intent.kind()
                : step.map(s -> s.kind().key()).orElse("—");
        String targets = track.intent != null ? EventText.join(track.intent.targets()) : "—";
        String command = track.intent != null ? track.intent.text() : "";
        String started = track.intentRecord != null ? Words.clock(track.intentRecord.time()) : "—";
        String duration = track.outcome != null ? Words.duration(track.outcome.durationMillis()) : "—";
        return new StepRow(
                number,
                title,
                kind,
                targets,
                command,
                who(track),
                started,
                duration,
                result(track),
                status(track),
                caution(track));
    }

    /** Says which approvals are not proven and why, in the audit's words ({@code Lee (COMPLIANCE) — …}). */
    private static String caution(Track track) {
        if (track.unproven.isEmpty()) {
            return "";
        }
        return track.unproven.stream()
                .map(line -> line.approver() + " (" + line.role() + ") — "
                        + (line.verdict() == ApprovalAudit.Verdict.REFUSED ? "refused: " : "")
                        + line.detail())
                .collect(Collectors.joining("; "));
    }

    private static String who(Track track) {
        List<String> who = new ArrayList<>();
        if (!track.approvals.isEmpty()) {
            who.add("approved by "
                    + track.approvals.stream()
                            .map(a -> a.approver() + " (" + a.role() + ")")
                            .collect(Collectors.joining(", ")));
        }
        if (track.confirmedBy != null) {
            who.add("confirmed by " + track.confirmedBy);
        }
        if (track.skippedBy != null && track.outcome == null) {
            who.add("skipped by " + track.skippedBy);
        }
        if (track.outcome != null && track.outcome.manual()) {
            who.add("outcome marked by hand by " + track.outcomeActor);
        }
        if (who.isEmpty() && track.intentRecord != null) {
            who.add("run by " + track.intentRecord.actor());
        }
        return who.isEmpty() ? "—" : String.join("; ", who);
    }

    private static String result(Track track) {
        if (track.outcome != null) {
            String text = Words.outcomeText(track.outcome);
            return (track.outcome.attempt() > 1 ? "attempt " + track.outcome.attempt() + ": " : "")
                    + (text.isBlank() ? Words.status(track.outcome.status()) : text);
        }
        if (track.skipReason != null) {
            return "skipped: " + track.skipReason;
        }
        if (track.withheld > 0) {
            return "withheld from this evidence pack (" + track.withheld
                    + " record(s): their commitments are in the chain, their text is not here)";
        }
        if (track.intent != null) {
            return track.interrupted
                    ? "outcome never recorded: the session stopped while it ran; check its effect by hand"
                    : "no outcome recorded";
        }
        return "not run";
    }

    private static String status(Track track) {
        if (track.outcome != null) {
            return Words.statusClass(track.outcome.status());
        }
        if (track.skipReason != null) {
            return "skipped";
        }
        if (track.withheld > 0) {
            return "withheld";
        }
        return track.intent != null ? "unknown" : "not-run";
    }
}
