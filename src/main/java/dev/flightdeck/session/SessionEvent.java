package dev.flightdeck.session;

import dev.flightdeck.inventory.SecretNames;
import dev.flightdeck.runbook.TriggerSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happens in a session, as recorded in its journal. The session's state is the fold of these
 * ({@link SessionFold}); nothing else stores it. Each event names its journal type.
 * Texts in events (commands, output, messages) are already redacted when they are created.
 */
public sealed interface SessionEvent {

    /** The journal's {@code type} string for this event. */
    String type();

    enum Mode {
        LIVE,
        REHEARSAL
    }

    /**
     * @param timestamp       the session's {@code ${ts}}, fixed for its whole life
     * @param variables       the values of the runbook's variables as bound at the start; a variable whose name says secret
     *                        ({@code SecretNames}) holds {@link #SECRET_NOT_JOURNALED} instead of its value
     * @param runbookText     the runbook's text as it ran (its SHA-256 is {@code runbookSha256}), so that resume, rollback and
     *                        review need nothing but the journal; null in journals written before it was kept
     * @param inventoryText   the inventory file's text as it ran (no secrets: inventories never hold them), or null
     * @param inventorySha256 the SHA-256 of {@code inventoryText}, or null
     */
    record SessionOpened(
            String sessionId,
            String runbookId,
            String runbookTitle,
            String runbookSource,
            String runbookSha256,
            String operator,
            String inventory,
            String timestamp,
            Map<String, String> variables,
            Mode mode,
            String runbookText,
            String inventoryText,
            String inventorySha256)
            implements SessionEvent {
        public static final String TYPE = "session.opened";

        /**
         * Written in place of a secret variable's value: the journal is exported and reviewed, so a secret given with
         * {@code --var} or the setup form lives only in the process, and is asked for again when the session resumes.
         */
        public static final String SECRET_NOT_JOURNALED = "<secret: not journaled>";

        /** This opening as journaled: the values of variables whose names say secret replaced by {@link #SECRET_NOT_JOURNALED}. */
        public SessionOpened withSecretsWithheld() {
            Map<String, String> journaled = new TreeMap<>(variables);
            journaled.replaceAll((name, value) -> SecretNames.isSecret(name) ? SECRET_NOT_JOURNALED : value);
            return new SessionOpened(
                    sessionId,
                    runbookId,
                    runbookTitle,
                    runbookSource,
                    runbookSha256,
                    operator,
                    inventory,
                    timestamp,
                    journaled,
                    mode,
                    runbookText,
                    inventoryText,
                    inventorySha256);
        }

        public String type() {
            return TYPE;
        }

        /** Without the runbook's and the inventory's text (sessions whose sources are elsewhere, tests). */
        public SessionOpened(
                String sessionId,
                String runbookId,
                String runbookTitle,
                String runbookSource,
                String runbookSha256,
                String operator,
                String inventory,
                String timestamp,
                Map<String, String> variables,
                Mode mode) {
            this(
                    sessionId,
                    runbookId,
                    runbookTitle,
                    runbookSource,
                    runbookSha256,
                    operator,
                    inventory,
                    timestamp,
                    variables,
                    mode,
                    null,
                    null,
                    null);
        }
    }

    /** The session was reopened from its journal; anything running before this point has an unknown outcome. */
    record SessionResumed(String operator, String reason) implements SessionEvent {
        public static final String TYPE = "session.resumed";

        public String type() {
            return TYPE;
        }
    }

    /**
     * Recorded before the step acts (write-ahead).
     *
     * @param targets the hosts, database or endpoint it acts on
     * @param text    the exact command, SQL or request, bound and redacted
     */
    record StepIntent(String stepId, String kind, int attempt, List<String> targets, String text, boolean rollback)
            implements SessionEvent {
        public static final String TYPE = "step.intent";

        public String type() {
            return TYPE;
        }
    }

    record StepOutput(String stepId, String host, String stream, String text) implements SessionEvent {
        public static final String TYPE = "step.output";

        public String type() {
            return TYPE;
        }
    }

    /**
     * Output of a step while it runs, journaled every 64 KB or 2 s (numbered from 1 per host and stream), so a crash
     * keeps it; the {@code step.output} at the end still holds the whole stream's head and tail.
     */
    record StepOutputPart(String stepId, String host, String stream, int part, String text) implements SessionEvent {
        public static final String TYPE = "step.output.part";

        public String type() {
            return TYPE;
        }
    }

    enum Status {
        SUCCEEDED,
        FAILED,
        UNKNOWN
    }

    /**
     * @param outputs values later steps may refer to as {@code ${steps.ID.NAME}}
     * @param manual  the operator checked by hand and marked the outcome (after an unknown one)
     */
    record StepOutcome(
            String stepId,
            int attempt,
            Status status,
            String message,
            Map<String, String> outputs,
            List<HostResult> hosts,
            long durationMillis,
            boolean manual)
            implements SessionEvent {
        public static final String TYPE = "step.outcome";

        public String type() {
            return TYPE;
        }
    }

    /** A per-host result of a step that ran on several hosts. */
    record HostResult(String host, Status status, Integer exitCode, String message) {}

    record StepSkipped(String stepId, String reason) implements SessionEvent {
        public static final String TYPE = "step.skipped";

        public String type() {
            return TYPE;
        }
    }

    record Confirmation(String stepId, String note) implements SessionEvent {
        public static final String TYPE = "confirmation";

        public String type() {
            return TYPE;
        }
    }

    /**
     * The roster the session's approvals are checked against, journaled right after {@code session.opened} when the
     * session has one: its SHA-256 and text, who signed it, and the public key signing this session's checkpoints
     * (Base64 X.509), which may never approve.
     */
    record SessionRoster(
            String team, String rosterSha256, String rosterText, String rosterSignedBy, String operatorPublicKey)
            implements SessionEvent {
        public static final String TYPE = "session.roster";

        public String type() {
            return TYPE;
        }
    }

    /**
     * An approval was requested at a gate: a signed approval must name this {@code chainHead} (hex, the chain hash of the
     * journal just before this record) to answer it.
     */
    record ApprovalRequested(String stepId, List<String> roles, String chainHead) implements SessionEvent {
        public static final String TYPE = "approval.requested";

        public String type() {
            return TYPE;
        }
    }

    /**
     * An approver's decision at a gate; the actor of the journal entry is the approver. A signed approval carries the
     * approver's public key (Base64 X.509), its fingerprint, the signature (Base64), the chain head of the request it
     * answers and the time it was signed; a typed one (a session without a roster) has them null: an unverified approval.
     */
    record Approval(
            String stepId,
            String approver,
            String role,
            String note,
            String checkpoint,
            String keyFingerprint,
            String publicKey,
            String signature,
            String chainHead,
            String signedAt)
            implements SessionEvent {
        public static final String TYPE = "approval";

        public String type() {
            return TYPE;
        }

        /** A typed approval: a name, nothing the approver holds. */
        public Approval(String stepId, String approver, String role, String note, String checkpoint) {
            this(stepId, approver, role, note, checkpoint, null, null, null, null, null);
        }

        public boolean signed() {
            return signature != null;
        }
    }

    record HostKeyDecision(String host, String keyType, String fingerprint, String decision) implements SessionEvent {
        public static final String TYPE = "hostkey.decision";

        public String type() {
            return TYPE;
        }
    }

    record ConnectionChanged(String target, String state, String detail) implements SessionEvent {
        public static final String TYPE = "connection";

        public String type() {
            return TYPE;
        }
    }

    /**
     * A trigger fired; the evidence is the samples that made it fire.
     *
     * @param action the runbook's word for what the trigger does ({@link TriggerSpec.Action#key()}): {@code rollback}
     *               arms the rollback, {@code alert} only tells people
     */
    record Alarm(String trigger, String action, List<String> evidence) implements SessionEvent {
        public static final String TYPE = "alarm";

        public String type() {
            return TYPE;
        }

        /**
         * An action the journal does not name (written by a later version, or damaged) reads as a rollback trigger:
         * failing a watch wrongly costs a retry, passing one wrongly could let a bad change go on.
         */
        public boolean armsRollback() {
            return TriggerSpec.Action.of(action).orElse(TriggerSpec.Action.ARM_ROLLBACK)
                    == TriggerSpec.Action.ARM_ROLLBACK;
        }
    }

    /**
     * An analysis rule could not judge the change and asks the operator to continue or roll back: its measurements
     * stayed in the inconclusive band ({@code kind} {@code inconclusive}), or the queries behind its signal kept
     * failing ({@code query-errors}). No further step starts until an {@link AnalysisDecision} answers it.
     *
     * @param series   the series measured ({@code app1/error_rate}), or empty for query errors
     * @param evidence a summary line, then the samples or the errors
     */
    record AnalysisInconclusive(String trigger, String kind, String series, List<String> evidence)
            implements SessionEvent {
        public static final String TYPE = "analysis.inconclusive";

        public String type() {
            return TYPE;
        }
    }

    /** The operator's answer to an inconclusive analysis: {@code continue} or {@code rollback}, by whom, and why. */
    record AnalysisDecision(String trigger, String decision, String decidedBy, String note) implements SessionEvent {
        public static final String TYPE = "analysis.decision";
        public static final String CONTINUE = "continue";
        public static final String ROLLBACK = "rollback";

        public String type() {
            return TYPE;
        }
    }

    /**
     * A shadow rule ({@code mode: shadow}, a dry run) would have acted: {@code wouldHave} says how. Nothing followed
     * from it: no alarm, no countdown, no pause.
     */
    record ShadowAlarm(String trigger, String wouldHave, List<String> evidence) implements SessionEvent {
        public static final String TYPE = "alarm.shadow";

        public String type() {
            return TYPE;
        }
    }

    /** One minute of one instrument, summarised (the journal keeps these, not every sample). */
    record MetricsMinute(String series, String minute, double min, double max, double average, int count, String text)
            implements SessionEvent {
        public static final String TYPE = "metrics.minute";

        public String type() {
            return TYPE;
        }
    }

    /**
     * The rollback countdown of an armed trigger changed: {@code ARMED} (starts at the deadline in {@code detail}),
     * {@code CANCELLED} (by whom and why) or {@code EXPIRED} (the rollback must start now, as if the button were held).
     */
    record RollbackCountdown(String trigger, CountdownState state, String detail) implements SessionEvent {
        public static final String TYPE = "rollback.countdown";

        public String type() {
            return TYPE;
        }
    }

    enum CountdownState {
        ARMED,
        CANCELLED,
        EXPIRED
    }

    record RollbackStarted(String reason, String startedBy) implements SessionEvent {
        public static final String TYPE = "rollback.started";

        public String type() {
            return TYPE;
        }
    }

    record RollbackFinished(Status result, String message) implements SessionEvent {
        public static final String TYPE = "rollback.finished";

        public String type() {
            return TYPE;
        }
    }

    record Verification(String title, List<Map<String, String>> rows, boolean passed) implements SessionEvent {
        public static final String TYPE = "verification";

        public String type() {
            return TYPE;
        }
    }

    /**
     * A notification the outbox is about to send (its intent, written before any attempt): the channel by name, what
     * it is about ({@code topic}: a lifecycle event's key, or {@code step:ID} for a notify step), its one-line subject
     * and text. Never a webhook URL, routing key or password.
     */
    record NotificationQueued(String id, String channel, String topic, String subject, String text)
            implements SessionEvent {
        public static final String TYPE = "notification.queued";

        public String type() {
            return TYPE;
        }
    }

    /** What became of a queued notification: delivered (after how many attempts), or given up, with the last answer or error. */
    record NotificationResult(String id, String channel, Status status, int attempts, String detail)
            implements SessionEvent {
        public static final String TYPE = "notification.result";

        public String type() {
            return TYPE;
        }
    }

    record SessionClosed(String result) implements SessionEvent {
        public static final String TYPE = "session.closed";

        public String type() {
            return TYPE;
        }
    }

    /**
     * The console window of an open session (or of a rollback under way or stopped) was closed: who closed it and what
     * state the session was in. A signed checkpoint follows, so the journal's tail is sealed; the session can be
     * opened again from its journal folder.
     */
    record WindowClosed(String closedBy, String sessionState) implements SessionEvent {
        public static final String TYPE = "session.window-closed";

        public String type() {
            return TYPE;
        }
    }

    /**
     * A closed session opened again, only to roll it back (a problem found after the window): who did it and why.
     * The closing checkpoint before it stays in the journal; nothing but the rollback may run afterwards.
     */
    record SessionReopened(String reason, String reopenedBy) implements SessionEvent {
        public static final String TYPE = "session.reopened";

        public String type() {
            return TYPE;
        }
    }
}
