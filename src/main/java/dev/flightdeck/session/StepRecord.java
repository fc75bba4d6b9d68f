package dev.flightdeck.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal says about one step. {@code status} here is the recorded status; whether a pending step
 * is READY depends on the other steps and is decided by {@link SessionState}.
 */
public record StepRecord(
        String stepId,
        StepStatus status,
        int attempts,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        String message,
        Map<String, String> outputs,
        List<SessionEvent.HostResult> hosts,
        List<ApprovalRecord> approvals,
        Optional<String> skippedBy,
        Optional<String> note) {

    /**
     * The output a step sets when it passed with findings the operator should read (a preflight that found long
     * transactions): their number. The wizard shows such a step as passed with warnings, not as a plain tick.
     */
    public static final String WARNINGS = "warnings";

    /** How many warnings the step's outputs report (0 without the output). */
    public int warnings() {
        try {
            return Integer.parseInt(outputs.getOrDefault(WARNINGS, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static StepRecord pending(String stepId) {
        return new StepRecord(
                stepId,
                StepStatus.PENDING,
                0,
                Optional.empty(),
                Optional.empty(),
                "",
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * An approval given at a gate.
     *
     * @param keyFingerprint the approver's key when the approval was signed and checked against the roster; null for a
     *                       typed, unverified approval (a session without a roster)
     */
    public record ApprovalRecord(
            String approver, String role, String note, Instant time, String checkpoint, String keyFingerprint) {

        public boolean verified() {
            return keyFingerprint != null;
        }

        /** "Lee Compliance (COMPLIANCE), signed with key 3f2a-…" or "… — unverified approval (no roster)". */
        public String describe() {
            return approver + " (" + role + ")"
                    + (verified() ? ", signed with key " + keyFingerprint : " — unverified approval (no roster)");
        }
    }

    StepRecord withStatus(StepStatus newStatus, String newMessage) {
        return new StepRecord(
                stepId,
                newStatus,
                attempts,
                startedAt,
                finishedAt,
                newMessage,
                outputs,
                hosts,
                approvals,
                skippedBy,
                note);
    }

    StepRecord started(Instant time, int attempt) {
        return new StepRecord(
                stepId,
                StepStatus.RUNNING,
                Math.max(attempts, attempt),
                Optional.of(time),
                Optional.empty(),
                "",
                outputs,
                List.of(),
                approvals,
                Optional.empty(),
                note);
    }

    StepRecord finished(SessionEvent.StepOutcome outcome, Instant time) {
        StepStatus finalStatus = switch (outcome.status()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case FAILED -> StepStatus.FAILED;
            case UNKNOWN -> StepStatus.UNKNOWN;
        };
        return new StepRecord(
                stepId,
                finalStatus,
                Math.max(attempts, outcome.attempt()),
                startedAt,
                Optional.of(time),
                outcome.message(),
                Map.copyOf(outcome.outputs()),
                List.copyOf(outcome.hosts()),
                approvals,
                Optional.empty(),
                note);
    }

    StepRecord skipped(String by, String reason, Instant time) {
        return new StepRecord(
                stepId,
                StepStatus.SKIPPED,
                attempts,
                startedAt,
                Optional.of(time),
                reason,
                outputs,
                hosts,
                approvals,
                Optional.of(by),
                note);
    }

    StepRecord approvedBy(ApprovalRecord approval) {
        List<ApprovalRecord> all = new ArrayList<>(approvals);
        all.add(approval);
        return new StepRecord(
                stepId,
                status,
                attempts,
                startedAt,
                finishedAt,
                message,
                outputs,
                hosts,
                List.copyOf(all),
                skippedBy,
                note);
    }

    StepRecord confirmedWith(String confirmationNote) {
        return new StepRecord(
                stepId,
                status,
                attempts,
                startedAt,
                finishedAt,
                message,
                outputs,
                hosts,
                approvals,
                skippedBy,
                Optional.ofNullable(confirmationNote).filter(n -> !n.isBlank()));
    }
}
