package dev.flightdeck.session;

import dev.flightdeck.approval.ApprovalCheck;
import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.SecretNames;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of one runbook against one inventory. Operators issue commands (run, confirm, approve, skip, mark done);
 * each is checked against the rules, recorded before it acts and after, and the state is always the fold of what
 * was recorded. Thread-safe: commands are serialised; a long step holds no lock while it runs.
 */
public final class Session implements AutoCloseable {

    private final Runbook runbook;
    private final String operator;
    private final SessionRecorder recorder;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final StepRunner runner;
    private final Inventory inventory;
    private final SessionFold fold;
    private final JournaledRosters rosters = new JournaledRosters();
    private SessionState state;

    private Session(
            Runbook runbook,
            Inventory inventory,
            String operator,
            SessionRecorder recorder,
            Map<StepKind, StepExecutor> executors,
            List<Recorded> history) {
        this.runbook = runbook;
        this.inventory = inventory;
        this.operator = operator;
        this.recorder = recorder;
        this.fold = new SessionFold(runbook);
        history.forEach(fold::apply);
        this.state = fold.state();
        this.runner = new StepRunner(new RunnerPort(), inventory, Map.copyOf(executors), listeners);
    }

    /** Starts a new session: records who opened which runbook against which inventory, with the bound variables. */
    public static Session open(
            SessionEvent.SessionOpened opening,
            Runbook runbook,
            Inventory inventory,
            SessionRecorder recorder,
            Map<StepKind, StepExecutor> executors) {
        Session session = new Session(runbook, inventory, opening.operator(), recorder, executors, List.of());
        session.supplySecrets(opening.variables());
        session.append(opening.operator(), opening.withSecretsWithheld());
        return session;
    }

    /** Reopens a session from its journal; whatever was running when it stopped becomes unknown. */
    public static Session resume(
            List<Recorded> history,
            Runbook runbook,
            Inventory inventory,
            String operator,
            SessionRecorder recorder,
            Map<StepKind, StepExecutor> executors,
            String reason) {
        Session session = new Session(runbook, inventory, operator, recorder, executors, history);
        // a closed session opened to be looked at stays closed: only reopening it for its rollback writes to it
        if (session.state.closed().isEmpty()) {
            session.append(operator, new SessionEvent.SessionResumed(operator, reason));
        }
        return session;
    }

    public synchronized SessionState state() {
        return state;
    }

    /**
     * Gives the session the values of its secret variables (names that say secret, {@code SecretNames}), which its
     * journal does not keep: at the start from the opening's values, and again when a session resumes. Values of other
     * variables are ignored: those are journaled.
     */
    public synchronized void supplySecrets(Map<String, String> values) {
        Map<String, String> secrets = new HashMap<>();
        values.forEach((name, value) -> {
            if (SecretNames.isSecret(name)
                    && value != null
                    && !SessionEvent.SessionOpened.SECRET_NOT_JOURNALED.equals(value)) {
                secrets.put(name, value);
            }
        });
        state = fold.supplySecrets(secrets);
    }

    public String operator() {
        return operator;
    }

    public Runbook runbook() {
        return runbook;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** The short hash of the journal's newest signed checkpoint, for the change ticket and the status bar. */
    public Optional<String> lastCheckpoint() {
        return recorder.lastCheckpoint();
    }

    SessionRecorder recorder() {
        return recorder;
    }

    /** The text as the journal would keep it: the session's known secrets and secret shapes masked (for the terminal and screens). */
    public String redact(String text) {
        return recorder.redact(text);
    }

    /** For crash tests: the recorder, to close it as a dying process would leave it. */
    public SessionRecorder recorderForTests() {
        return recorder;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** Runs the current step (a command, SQL, check, backup ...), or re-runs it after a failure or an unknown outcome. */
    public SessionEvent.StepOutcome run(String stepId) throws SessionRuleException, InterruptedException {
        return runChosen(() -> requireCurrent(stepId, "run"), false);
    }

    /**
     * After a failure: runs the current step's {@code undo:} to leave things as they were before it, so the operator
     * can then retry it, skip it (if optional) or roll back. The failed step itself stays failed.
     */
    public SessionEvent.StepOutcome runUndo(String stepId) throws SessionRuleException, InterruptedException {
        return runChosen(
                () -> {
                    Step step = requireCurrent(stepId, "undo");
                    if (state.record(stepId).status() != StepStatus.FAILED) {
                        throw new SessionRuleException(
                                "only a failed step is undone this way; the rollback undoes completed steps");
                    }
                    return step.undo().orElseThrow(() -> new SessionRuleException("step '" + stepId + "' has no undo"));
                },
                false);
    }

    /** Ticks a checklist item. */
    public synchronized void confirm(String stepId, String note) throws SessionRuleException {
        Step step = requireCurrent(stepId, "confirm");
        if (!(step.action() instanceof StepAction.Confirm confirm)) {
            throw new SessionRuleException(
                    "step '" + stepId + "' is a " + step.kind().key() + " step, not a checklist item");
        }
        if (confirm.noteRequired() && blank(note)) {
            throw new SessionRuleException("step '" + stepId + "' needs a note saying how you checked");
        }
        recordConfirmation(step, confirm, note, false);
    }

    private void recordConfirmation(Step step, StepAction.Confirm confirm, String note, boolean rollback) {
        int attempt = state.record(step.id()).attempts() + 1;
        append(
                operator,
                new SessionEvent.StepIntent(
                        step.id(), step.kind().key(), attempt, List.of(), confirm.text(), rollback));
        append(operator, new SessionEvent.Confirmation(step.id(), blank(note) ? "" : recorder.redact(note)));
        finish(
                step,
                attempt,
                StepResult.succeeded(
                        "confirmed by " + operator, blank(note) ? Map.of() : Map.of("note", recorder.redact(note))),
                0);
    }

    /**
     * Starts the emergency rollback: recorded with who started it and why, sealed with a signed checkpoint.
     * From here on the wizard's steps wait; the rollback plan's steps run, in order.
     */
    public synchronized String startRollback(String reason, String startedBy) throws SessionRuleException {
        RollbackRules.requireCanStart(state);
        append(
                startedBy,
                new SessionEvent.RollbackStarted(
                        blank(reason) ? "no reason given" : recorder.redact(reason.strip()), startedBy));
        return recorder.checkpoint("rollback started by " + startedBy);
    }

    /**
     * Opens a closed session again, only to roll it back: a problem found after the window. Journaled with who and
     * why (a written reason is required), followed by the rollback's start unless one was already under way when the
     * session closed, and sealed with a signed checkpoint whose short hash is returned. The closing checkpoint stays
     * in the journal; the wizard's steps never run again.
     */
    public synchronized String reopenForRollback(String reason, String reopenedBy) throws SessionRuleException {
        RollbackRules.requireCanReopen(state);
        if (blank(reason)) {
            throw new SessionRuleException("reopening a closed session for its rollback needs a written reason");
        }
        String why = recorder.redact(reason.strip());
        append(reopenedBy, new SessionEvent.SessionReopened(why, reopenedBy));
        if (state.rollback() != SessionFold.RollbackState.RUNNING) {
            append(reopenedBy, new SessionEvent.RollbackStarted(why, reopenedBy));
        }
        return recorder.checkpoint("session reopened for its rollback by " + reopenedBy);
    }

    /** Runs (or retries) a rollback step; only the next unfinished step of the {@link RollbackSequence} may run. */
    public SessionEvent.StepOutcome runRollbackStep(String stepId) throws SessionRuleException, InterruptedException {
        return runChosen(() -> RollbackRules.requireNext(state, stepId), true);
    }

    public synchronized void confirmRollbackStep(String stepId, String note) throws SessionRuleException {
        Step step = RollbackRules.requireNext(state, stepId);
        if (!(step.action() instanceof StepAction.Confirm confirm)) {
            throw new SessionRuleException("rollback step '" + step.id() + "' is not a checklist item");
        }
        recordConfirmation(step, confirm, note, true);
    }

    /** A rollback step the operator does by hand (or decides not to do), with the reason: never silently. */
    public synchronized void skipRollbackStep(String stepId, String reason) throws SessionRuleException {
        Step step = RollbackRules.requireNext(state, stepId);
        if (blank(reason)) {
            throw new SessionRuleException("skipping rollback step '" + step.id() + "' needs a written reason");
        }
        append(operator, new SessionEvent.StepSkipped(step.id(), recorder.redact(reason.strip())));
    }

    /**
     * Runs one check of the runbook's {@code rollback-verification:} once every rollback step is done. Checks only
     * look, so one that failed or whose outcome is unknown may simply run again.
     */
    public SessionEvent.StepOutcome runVerificationCheck(String stepId)
            throws SessionRuleException, InterruptedException {
        return runChosen(() -> RollbackRules.requireCheck(state, stepId), true);
    }

    /** Picks a step by the session's rules, as of now. */
    @FunctionalInterface
    private interface StepChoice {
        Step choose() throws SessionRuleException;
    }

    /**
     * The step is chosen, checked to have an executor and given its attempt number under the session's lock; it runs
     * outside it, so the operator can still start the rollback or stop the step meanwhile.
     */
    private SessionEvent.StepOutcome runChosen(StepChoice choice, boolean rollback)
            throws SessionRuleException, InterruptedException {
        Step step;
        int attempt;
        synchronized (this) {
            step = choice.choose();
            if (!runner.canRun(step.kind())) {
                throw new SessionRuleException(kindAdvice(step));
            }
            attempt = state.record(step.id()).attempts() + 1;
        }
        return runner.run(step, attempt, rollback);
    }

    /** Journals the verification's pass/fail table, sealed with a signed checkpoint whose short hash is returned. */
    public synchronized String recordVerification(List<Map<String, String>> rows, boolean passed)
            throws SessionRuleException {
        RollbackRules.requireRunning(state);
        List<Map<String, String>> redacted =
                rows.stream().map(this::redactValues).toList();
        append(operator, new SessionEvent.Verification("rollback verification", redacted, passed));
        return recorder.checkpoint("rollback verification " + (passed ? "passed" : "failed"));
    }

    /** Ends the rollback with its result; sealed with a signed checkpoint whose short hash is returned. */
    public synchronized String finishRollback(SessionEvent.Status result, String message) throws SessionRuleException {
        RollbackRules.requireRunning(state);
        append(operator, new SessionEvent.RollbackFinished(result, recorder.redact(message)));
        return recorder.checkpoint("rollback finished: " + result.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Records a named approver's approval at a gate, with a signed checkpoint: a typed approval, which only a session
     * without a roster accepts (it is journaled and shown as unverified). The gate opens when every role it names has
     * enough distinct approvers. The operator can never approve their own gate.
     */
    public synchronized String approve(String stepId, String approver, Role role, String note)
            throws SessionRuleException {
        StepAction.Approve gate = requireGate(stepId);
        if (state.roster().isPresent()) {
            throw new SessionRuleException("this session checks approvals against the roster '"
                    + state.roster().get().team() + "': a typed name is not an approval here; the approver signs it"
                    + " with their personal key (flightdeck approve, or their key file in the approval card)");
        }
        ApprovalRules.check(gate, state.record(stepId), operator, approver, role);
        String checkpoint =
                recorder.checkpoint("approval of " + stepId + " by " + approver.strip() + " (" + role + ")");
        append(
                approver.strip(),
                new SessionEvent.Approval(
                        stepId, approver.strip(), role.name(), blank(note) ? "" : recorder.redact(note), checkpoint));
        openIfSatisfied(stepId, gate);
        return checkpoint;
    }

    /**
     * Journals the roster this session's approvals are checked against, with the key that signs its checkpoints (which
     * never approves). Called once, right after the session opens.
     */
    public synchronized void recordRoster(Roster roster, PublicKey operatorKey) {
        append(
                operator,
                new SessionEvent.SessionRoster(
                        roster.team(),
                        roster.sha256(),
                        roster.text(),
                        roster.signedBy().orElse(null),
                        PublicKeys.toBase64(operatorKey)));
    }

    /**
     * The approval request for the gate: journaled (with the chain head a signed approval must name) the first time it is
     * asked for, the same request afterwards, also after a resume.
     */
    public synchronized ApprovalRequest requestApproval(String stepId) throws SessionRuleException {
        StepAction.Approve gate = requireGate(stepId);
        if (state.roster().isEmpty()) {
            throw new SessionRuleException(
                    "this session has no roster, so there is no key to ask for: approvals are typed"
                            + " names (unverified); start the session with a roster to collect signed approvals");
        }
        if (!state.approvalRequests().containsKey(stepId)) {
            append(
                    operator,
                    new SessionEvent.ApprovalRequested(
                            stepId, gate.roles().stream().map(Role::name).toList(), recorder.chainHead()));
        }
        return ApprovalRequests.of(state, runbook.step(stepId).orElseThrow(), gate);
    }

    /**
     * Records a signed approval at the current gate when it proves what it claims ({@link ApprovalCheck}): signed by a
     * roster key holding the role, not the operator's, answering this session's open request at this gate. The note is
     * journaled exactly as signed. Returns the short hash of the checkpoint that follows.
     */
    public synchronized String approveSigned(SignedApproval approval) throws SessionRuleException {
        Step current = state.currentStep().orElseThrow(() -> new SessionRuleException("every step is done"));
        StepAction.Approve gate = requireGate(current.id());
        SessionEvent.SessionRoster recordedRoster = state.roster()
                .orElseThrow(() -> new SessionRuleException(
                        "this session has no roster to check a signed approval against; start it with a roster"));
        SessionEvent.SessionOpened opening = state.opened().orElseThrow();
        ApprovalCheck.Verdict verdict = ApprovalCheck.check(
                approval,
                new ApprovalCheck.Gate(
                        opening.sessionId(),
                        current.id(),
                        opening.runbookSha256(),
                        gate.roles(),
                        Optional.ofNullable(state.approvalRequests().get(current.id()))
                                .map(SessionState.OpenRequest::chainHead),
                        PublicKeys.fromBase64OrNull(recordedRoster.operatorPublicKey())),
                rosters.of(recordedRoster));
        if (verdict instanceof ApprovalCheck.Refused refused) {
            throw new SessionRuleException("approval refused: " + refused.reason());
        }
        ApprovalCheck.Accepted accepted = (ApprovalCheck.Accepted) verdict;
        // journaled as signed (the key file's name), so the reviewer can check the signature again
        String name = approval.approver();
        ApprovalRules.check(gate, state.record(current.id()), operator, name, accepted.role());
        String checkpoint = recorder.checkpoint("approval of " + current.id() + " by " + name + " (" + accepted.role()
                + ") key " + approval.fingerprint());
        append(
                name,
                new SessionEvent.Approval(
                        current.id(),
                        name,
                        accepted.role().name(),
                        approval.note(),
                        checkpoint,
                        approval.fingerprint(),
                        PublicKeys.toBase64(approval.publicKey()),
                        approval.signatureBase64(),
                        approval.chainHead(),
                        approval.signedAt().toString()));
        openIfSatisfied(current.id(), gate);
        return checkpoint;
    }

    /** The roster journaled for this session, if it has one. */
    public Optional<Roster> roster() {
        return state().roster().map(rosters::of);
    }

    private StepAction.Approve requireGate(String stepId) throws SessionRuleException {
        Step step = requireCurrent(stepId, "approve");
        if (!(step.action() instanceof StepAction.Approve gate)) {
            throw new SessionRuleException(
                    "step '" + stepId + "' is a " + step.kind().key() + " step, not an approval gate");
        }
        return gate;
    }

    private void openIfSatisfied(String stepId, StepAction.Approve gate) {
        if (ApprovalRules.isSatisfied(gate, state.record(stepId))) {
            Step step = runbook.step(stepId).orElseThrow();
            append(
                    operator,
                    new SessionEvent.StepIntent(stepId, step.kind().key(), 1, List.of(), gate.summary(), false));
            finish(
                    step,
                    1,
                    StepResult.succeeded(
                            "approved by " + ApprovalRules.approvers(state.record(stepId)),
                            Map.of("approvers", ApprovalRules.approvers(state.record(stepId)))),
                    0);
        }
    }

    /**
     * Ends the session: records how it ended and seals the journal; returns the closing checkpoint's short hash.
     * Listeners hear of the close first, outside the lock, so what they still journal comes before the seal.
     */
    public String finishSession(String result) throws SessionRuleException {
        SessionState before = state();
        if (before.closed().isEmpty()) {
            listeners.forEach(listener -> listener.closing(result, before));
        }
        synchronized (this) {
            if (state.closed().isPresent()) {
                throw new SessionRuleException("the session is already closed");
            }
            append(operator, new SessionEvent.SessionClosed(result));
            return recorder.closeSession(result);
        }
    }

    /**
     * The window showing this open session is being closed: journaled with who closed it and the state it was in, then
     * sealed with a signed checkpoint (nothing after it is left unsealed); returns the checkpoint's short hash.
     */
    public synchronized String recordWindowClosed(String sessionState) {
        append(operator, new SessionEvent.WindowClosed(operator, sessionState));
        return recorder.checkpoint("console window closed by " + operator);
    }

    /**
     * A trigger fired ({@code action} {@code rollback} or {@code alert}): journaled with the samples that made it
     * fire, by the system, not a person.
     */
    public void recordAlarm(String trigger, String action, List<String> evidence) {
        appendBySystem(new SessionEvent.Alarm(trigger, action, List.copyOf(evidence)));
    }

    /** An analysis rule asks the operator to continue or roll back: the window pauses until answered. */
    public void recordInconclusive(String trigger, String kind, String series, List<String> evidence) {
        appendBySystem(new SessionEvent.AnalysisInconclusive(
                trigger, kind, series, evidence.stream().map(recorder::redact).toList()));
    }

    /** A shadow rule would have acted; journaled so its author can tune it, with no consequence. */
    public void recordShadowAlarm(String trigger, String wouldHave, List<String> evidence) {
        appendBySystem(new SessionEvent.ShadowAlarm(
                trigger, wouldHave, evidence.stream().map(recorder::redact).toList()));
    }

    /**
     * The operator's answer to the inconclusive analysis the window is paused on. {@code continue} lets the steps go
     * on; {@code rollback} is journaled and the rollback starts at once (sealed with a checkpoint whose short hash is
     * returned; empty for continue).
     */
    public synchronized Optional<String> decide(String decision, String note) throws SessionRuleException {
        SessionEvent.AnalysisInconclusive pause = state.paused()
                .orElseThrow(() -> new SessionRuleException("the window is not paused on an inconclusive analysis"));
        if (!decision.equals(SessionEvent.AnalysisDecision.CONTINUE)
                && !decision.equals(SessionEvent.AnalysisDecision.ROLLBACK)) {
            throw new SessionRuleException(
                    "answer an inconclusive analysis with continue or rollback, not '" + decision + "'");
        }
        String why = blank(note) ? "" : recorder.redact(note.strip());
        append(operator, new SessionEvent.AnalysisDecision(pause.trigger(), decision, operator, why));
        if (decision.equals(SessionEvent.AnalysisDecision.CONTINUE)) {
            return Optional.empty();
        }
        return Optional.of(startRollback(
                "rule '" + pause.trigger() + "' was " + pause.kind() + " and " + operator + " chose to roll back"
                        + (why.isEmpty() ? "" : ": " + why),
                operator));
    }

    /** An armed trigger's rollback countdown was armed, cancelled or ran out; journaled by the system. */
    public void recordCountdown(String trigger, SessionEvent.CountdownState countdownState, String detail) {
        appendBySystem(new SessionEvent.RollbackCountdown(trigger, countdownState, detail));
    }

    /** The outbox's intent to send a notification (before any attempt); its texts are redacted here. */
    public void recordNotificationQueued(SessionEvent.NotificationQueued queued) {
        appendBySystem(new SessionEvent.NotificationQueued(
                queued.id(),
                queued.channel(),
                queued.topic(),
                recorder.redact(queued.subject()),
                recorder.redact(queued.text())));
    }

    /** What became of a notification; dropped once the session is closed (the journal is sealed). */
    public void recordNotificationResult(SessionEvent.NotificationResult result) {
        appendBySystem(new SessionEvent.NotificationResult(
                result.id(), result.channel(), result.status(), result.attempts(), recorder.redact(result.detail())));
    }

    /** A minute of an instrument, summarised. */
    public void recordMetricsMinute(SessionEvent.MetricsMinute minute) {
        appendBySystem(minute);
    }

    /** An SSH connection opened, closed or was lost. */
    public void recordConnection(String target, String connectionState, String detail) {
        appendBySystem(new SessionEvent.ConnectionChanged(target, connectionState, detail));
    }

    /** What the host-key check found when connecting (known, unknown, changed, revoked). */
    public void recordHostKeyCheck(String host, String keyType, String fingerprint, String verdict) {
        appendBySystem(new SessionEvent.HostKeyDecision(host, keyType, fingerprint, verdict));
    }

    private synchronized void appendBySystem(SessionEvent event) {
        if (state.closed().isEmpty()) {
            append(SYSTEM, event);
        }
    }

    /** The actor of events no person caused (instruments, triggers). */
    public static final String SYSTEM = "flightdeck";

    /** An operator's decision about a host key (trusting a new one), journaled with who decided. */
    public synchronized void recordHostKeyDecision(String host, String fingerprint, String decision) {
        append(operator, new SessionEvent.HostKeyDecision(host, "", fingerprint, decision));
    }

    /** Skips a step that is not required, with a written reason. */
    public synchronized void skip(String stepId, String reason) throws SessionRuleException {
        Step step = requireCurrent(stepId, "skip");
        if (step.required()) {
            throw new SessionRuleException(
                    "step '" + stepId + "' is required and cannot be skipped: run it, or start the rollback");
        }
        if (blank(reason)) {
            throw new SessionRuleException("skipping step '" + stepId + "' needs a written reason");
        }
        append(operator, new SessionEvent.StepSkipped(stepId, recorder.redact(reason.strip())));
    }

    /** After an unknown outcome: the operator checked by hand that the step did its work. */
    public synchronized void markDone(String stepId, String note) throws SessionRuleException {
        Step step = requireCurrent(stepId, "mark as done");
        StepRecord record = state.record(stepId);
        if (record.status() != StepStatus.UNKNOWN && record.status() != StepStatus.FAILED) {
            throw new SessionRuleException(
                    "only a step that failed or whose outcome is unknown can be marked done by hand; step '" + stepId
                            + "' is " + record.status().name().toLowerCase(Locale.ROOT));
        }
        if (blank(note)) {
            throw new SessionRuleException(
                    "marking step '" + stepId + "' done by hand needs a note saying how you checked");
        }
        // a failed step the operator then did by hand, or an unknown outcome they checked: the note says which
        String how = record.status() == StepStatus.FAILED ? "done by hand by " : "checked by hand by ";
        append(
                operator,
                new SessionEvent.StepOutcome(
                        stepId,
                        record.attempts(),
                        SessionEvent.Status.SUCCEEDED,
                        how + operator + ": " + recorder.redact(note.strip()),
                        Map.of(),
                        List.of(),
                        0,
                        true));
    }

    private Step requireCurrent(String stepId, String action) throws SessionRuleException {
        Step step = runbook.step(stepId)
                .orElseThrow(
                        () -> new SessionRuleException("runbook " + runbook.id() + " has no step '" + stepId + "'"));
        if (state.closed().isPresent()) {
            throw new SessionRuleException("the session is closed");
        }
        if (state.reopened().isPresent()) {
            throw new SessionRuleException(
                    "the session was reopened only for its rollback; its steps cannot run again");
        }
        if (state.rollback() == SessionFold.RollbackState.RUNNING) {
            throw new SessionRuleException("the rollback is running; the wizard's steps wait until it ends");
        }
        if (state.rollback() != SessionFold.RollbackState.NOT_STARTED) {
            throw new SessionRuleException(
                    "the session was rolled back; its steps cannot run again (start a new session for a new attempt)");
        }
        if (state.paused().isPresent()) {
            SessionEvent.AnalysisInconclusive pause = state.paused().get();
            throw new SessionRuleException("the window is paused: rule '" + pause.trigger() + "' is " + pause.kind()
                    + (pause.series().isEmpty() ? "" : " on " + pause.series()) + " ("
                    + (pause.evidence().isEmpty() ? "" : pause.evidence().get(0))
                    + "); answer it first: continue or roll back");
        }
        Step current = state.currentStep().orElseThrow(() -> new SessionRuleException("every step is done"));
        if (!current.id().equals(stepId)) {
            throw new SessionRuleException("cannot " + action + " step '" + stepId + "' now: step '" + current.id()
                    + "' (" + current.displayTitle() + ") comes first");
        }
        if (state.record(stepId).status() == StepStatus.RUNNING) {
            throw new SessionRuleException("step '" + stepId + "' is running");
        }
        return step;
    }

    private static String kindAdvice(Step step) {
        return switch (step.kind()) {
            case CONFIRM -> "step '" + step.id() + "' is a checklist item: confirm it";
            case APPROVE -> "step '" + step.id() + "' is an approval gate: it needs approvers";
            default -> "no executor is configured for " + step.kind().key() + " steps in this session";
        };
    }

    synchronized Recorded append(String actor, SessionEvent event) {
        Recorded recorded = recorder.record(actor, event);
        state = fold.apply(recorded);
        SessionState now = state;
        listeners.forEach(listener -> listener.recorded(recorded, now));
        return recorded;
    }

    synchronized SessionEvent.StepOutcome finish(Step step, int attempt, StepResult result, long durationMillis) {
        // a sensitive-output step's message, values and per-host messages may quote what it printed: size and SHA-256
        // only
        SessionEvent.StepOutcome outcome = step.sensitiveOutput()
                ? new SessionEvent.StepOutcome(
                        step.id(),
                        attempt,
                        result.status(),
                        SensitiveOutput.withheld(result.message()),
                        SensitiveOutput.withheld(result.outputs()),
                        SensitiveOutput.withheldHosts(result.hosts()),
                        durationMillis,
                        false)
                : new SessionEvent.StepOutcome(
                        step.id(),
                        attempt,
                        result.status(),
                        recorder.redact(result.message()),
                        redactValues(result.outputs()),
                        result.hosts(),
                        durationMillis,
                        false);
        append(operator, outcome);
        return outcome;
    }

    private Map<String, String> redactValues(Map<String, String> outputs) {
        Map<String, String> redacted = new LinkedHashMap<>();
        outputs.forEach((name, value) -> redacted.put(name, recorder.redact(value)));
        return redacted;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The narrow view of this session that its step runner gets. */
    private final class RunnerPort implements StepJournal {
        @Override
        public SessionState state() {
            return Session.this.state();
        }

        @Override
        public String operator() {
            return operator;
        }

        @Override
        public void record(SessionEvent event) {
            append(operator, event);
        }

        @Override
        public SessionEvent.StepOutcome finish(Step step, int attempt, StepResult result, long durationMillis) {
            return Session.this.finish(step, attempt, result, durationMillis);
        }

        @Override
        public String redact(String text) {
            return recorder.redact(text);
        }

        @Override
        public SessionRecorder.OutputCollector collectOutput(boolean sensitive) {
            return recorder.collectOutput(sensitive);
        }
    }

    @Override
    public void close() {
        recorder.close();
    }
}
