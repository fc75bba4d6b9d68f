package dev.flightdeck.ui.wizard;

import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.rollback.AfterClose;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.session.steps.RunStepExecutor;
import dev.flightdeck.text.Durations;
import dev.flightdeck.ui.rollback.RollbackViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's state for the screen: which step is current, what may be done now, progress and the clock.
 * Commands run on the session executor; the session's state comes back to the UI thread in one coalesced hop.
 * The screen binds to the properties and never touches the session directly.
 */
public final class WizardViewModel {

    private final Session session;
    private final Executor sessionExecutor;
    private final ReadOnlyStringWrapper approvalRequest = new ReadOnlyStringWrapper(this, "approvalRequest", "");
    private final ReadOnlyStringWrapper approvalRequestFile =
            new ReadOnlyStringWrapper(this, "approvalRequestFile", "");
    /** The journal folder, where a request is also written as a file (as {@code flightdeck run} does); none: line only. */
    private volatile Optional<Path> requestFolder = Optional.empty();

    private final Executor uiThread;
    private final Clock clock;
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PhaseProgress> phases = FXCollections.observableArrayList();
    private final ObservableList<HostConnection> connections = FXCollections.observableArrayList();
    // One read-only view each, kept here: such a view listens to its list weakly, so a view made per call (and
    // dropped by the caller) would be collected and its listeners silently stop hearing changes.
    private final ObservableList<PhaseProgress> phasesView = FXCollections.unmodifiableObservableList(phases);
    private final ObservableList<HostConnection> connectionsView =
            FXCollections.unmodifiableObservableList(connections);

    /** An SSH target of the inventory and its connection as the journal last recorded it. */
    public record HostConnection(String host, String state) {

        static final String NOT_YET = "not connected yet";
    }

    private final ObjectProperty<StepRow> current = new SimpleObjectProperty<>(this, "current");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** Set on the session's thread when this window closed the session; its journal writer is shut from then on. */
    private volatile boolean closedHere;

    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty(this, "messageIsProblem", true);
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty clockText = new SimpleStringProperty(this, "clock", "");
    private final StringProperty warning = new SimpleStringProperty(this, "warning", "");
    private final StringProperty pause = new SimpleStringProperty(this, "pause", "");
    private final StringProperty pauseEvidence = new SimpleStringProperty(this, "pauseEvidence", "");
    private final StringProperty journalStatus = new SimpleStringProperty(this, "journalStatus", "");
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete");
    private final ObjectProperty<SessionState> state = new SimpleObjectProperty<>(this, "state");
    private final Map<Action, BooleanProperty> allowed = new EnumMap<>(Action.class);
    private final AtomicReference<SessionState> latest = new AtomicReference<>();
    private final AtomicBoolean hopScheduled = new AtomicBoolean();
    /** the state being shown, set first: the permissions are derived from it before {@link #state} changes */
    private SessionState shown;

    /** Trusts exactly this key for this host (the SSH layer's decision), returning what happened. */
    @FunctionalInterface
    public interface HostKeyTrust {
        String trust(String host, String fingerprint) throws Exception;
    }

    private final HostKeyTrust hostKeys;
    private final BusyRunner commands;
    private final RollbackViewModel rollback;

    /**
     * @param uiThread {@code Platform::runLater} in the console; a same-thread executor in tests
     */
    public WizardViewModel(Session session, Executor sessionExecutor, Executor uiThread, Clock clock) {
        this(session, sessionExecutor, uiThread, clock, (host, fingerprint) -> {
            throw new IllegalStateException("this session cannot trust host keys");
        });
    }

    public WizardViewModel(
            Session session, Executor sessionExecutor, Executor uiThread, Clock clock, HostKeyTrust hostKeys) {
        this.hostKeys = hostKeys;
        this.session = session;
        this.sessionExecutor = sessionExecutor;
        this.uiThread = uiThread;
        this.clock = clock;
        this.rollback = new RollbackViewModel(session, sessionExecutor, uiThread);
        // a request line belongs to its gate: gone once the card shows another step
        current.addListener((observable, was, row) -> {
            if (was == null || row == null || !was.step().id().equals(row.step().id())) {
                approvalRequest.set("");
                approvalRequestFile.set("");
            }
        });
        rows.setAll(WizardProjection.rows(session.runbook()));
        this.commands = new BusyRunner(sessionExecutor, uiThread, busy);
        for (Action action : Action.values()) {
            allowed.put(action, new SimpleBooleanProperty(this, action.name()));
        }
        busy.addListener((observable, was, isBusy) -> updateAllowed());
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded event, SessionState now) {
                deliver(now);
            }
        });
        show(session.state());
    }

    /** Many events may arrive while a step runs; the UI takes only the newest state, once per hop. */
    private void deliver(SessionState now) {
        latest.set(now);
        if (hopScheduled.compareAndSet(false, true)) {
            uiThread.execute(() -> {
                hopScheduled.set(false);
                show(latest.get());
            });
        }
    }

    /** Derived values first, then the current step and the state, so listeners of those see a consistent picture. */
    private void show(SessionState now) {
        shown = now;
        SessionValues values = SessionValues.of(now);
        for (StepRow row : rows) {
            row.titleProperty().set(values.bindKnown(row.step().displayTitle()));
            StepRecord record = now.record(row.step().id());
            row.warningsProperty().set(record.warnings());
            row.statusProperty().set(now.status(row.step().id()));
            row.durationProperty()
                    .set(record.startedAt()
                            .flatMap(start -> record.finishedAt().map(end -> Duration.between(start, end)))
                            .map(Durations::readable)
                            .orElse(""));
        }
        replaceIfChanged(phases, WizardProjection.phases(session.runbook(), now));
        progress.set(WizardProjection.progress(phases, now, rows.size()));
        showJournalStatus(now);
        replaceIfChanged(connections, WizardProjection.connections(session.inventory(), now));
        complete.set(now.isComplete());
        pause.set(now.paused()
                .map(p -> "Paused: rule '" + p.trigger() + "' is " + p.kind()
                        + (p.series().isEmpty() ? "" : " on " + p.series())
                        + ". No step starts until you continue the window or roll back.")
                .orElse(""));
        pauseEvidence.set(now.paused().map(p -> String.join("\n", p.evidence())).orElse(""));
        Optional<Step> currentStep = now.currentStep();
        StepRow currentRow = currentStep
                .flatMap(step -> rows.stream().filter(row -> row.step() == step).findFirst())
                .orElse(null);
        current.set(currentRow);
        updateAllowed();
        state.set(now);
        refreshClock();
    }

    /** Most events (output, metrics minutes) change neither list: the strip and the status bar are left alone then. */
    private static <T> void replaceIfChanged(ObservableList<T> shown, List<T> now) {
        if (!shown.equals(now)) {
            shown.setAll(now);
        }
    }

    private void updateAllowed() {
        allowed.forEach((action, property) -> property.set(allows(action)));
    }

    /** Whether the action is possible now; buttons bind their disable property to its negation. */
    public ReadOnlyBooleanProperty allowedProperty(Action action) {
        return allowed.get(action);
    }

    /** Called every second by the screen, and after every change. */
    public void refreshClock() {
        SessionState now = state.get();
        if (now == null) {
            return;
        }
        WizardProjection.Clock reading = WizardProjection.clock(now, clock.instant());
        clockText.set(reading.text());
        warning.set(reading.warning());
        // a checkpoint is taken just after the event it seals: the next tick shows it
        showJournalStatus(now);
    }

    /** A step's command or SQL as it will run in this session: every value known so far bound, the others left as {@code ${name}}. */
    public String boundText(String text) {
        SessionState now = state.get() == null ? session.state() : state.get();
        return SessionValues.of(now).bindKnown(text);
    }

    /** The references a bound text still has: {@code ${release}} nobody gave a value yet. */
    public static List<String> unboundReferences(String text) {
        Matcher matcher = Pattern.compile("\\$\\{[^}]+}").matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            if (!found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** Guidance for the operator in the message line (not a problem). */
    public void hint(String text) {
        messageIsProblem.set(false);
        message.set(text);
    }

    /** The short hash of the journal's newest signed checkpoint. */
    public Optional<String> lastCheckpoint() {
        return session.lastCheckpoint();
    }

    private void showJournalStatus(SessionState now) {
        journalStatus.set(WizardProjection.journal(now, lastCheckpoint()));
    }

    public ObservableList<StepRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<StepRow> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** False for good news (the session closed), true for a refusal or a failure. */
    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    /** The connection of every SSH target, for the status bar. */
    public ObservableList<HostConnection> connections() {
        return connectionsView;
    }

    /** One entry per phase, in order, for the progress strip. */
    public ObservableList<PhaseProgress> phases() {
        return phasesView;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty clockProperty() {
        return clockText;
    }

    public ReadOnlyStringProperty journalStatusProperty() {
        return journalStatus;
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public String operator() {
        return session.operator();
    }

    private boolean allows(Action action) {
        SessionState now = shown == null ? session.state() : shown;
        return WizardPermissions.allows(action, current.get(), busy.get(), now, canRollBack());
    }

    /** What the operator may do with the current step; ROLL_BACK leads a failed step's card to the emergency rollback. */
    public enum Action {
        RUN,
        CONFIRM,
        APPROVE,
        SKIP,
        MARK_DONE,
        UNDO,
        ROLL_BACK
    }

    /** The words on the run button: a failed step is retried, not run. */
    public String runLabel() {
        StepRow row = current.get();
        return row != null && row.statusProperty().get() == StepStatus.FAILED ? "Retry step" : "Run step";
    }

    /** Whether the card asks for a note: a checklist item, a gate, an optional step, or one that failed or is unknown. */
    public boolean wantsNote() {
        StepRow row = current.get();
        if (row == null) {
            return false;
        }
        StepStatus status = row.statusProperty().get();
        StepKind kind = row.step().kind();
        return kind == StepKind.CONFIRM
                || kind == StepKind.APPROVE
                || !row.step().required()
                || status == StepStatus.UNKNOWN
                || status == StepStatus.FAILED;
    }

    public void runCurrent() {
        command(row -> session.run(row.step().id()));
    }

    public void undoCurrent() {
        command(row -> session.runUndo(row.step().id()));
    }

    public void confirmCurrent(String note) {
        command(row -> session.confirm(row.step().id(), note));
    }

    public void approveCurrent(String approver, Role role, String note) {
        command(row -> session.approve(row.step().id(), approver, role, note));
    }

    /** True when the session checks approvals against a roster: the card asks for the approver's key, not a name. */
    public boolean takesSignedApprovals() {
        return stateProperty().get().roster().isPresent();
    }

    /**
     * The approver at this laptop: their key file, unlocked with the passphrase they type (on the session's thread, never
     * the UI's), signs the gate's request; the session checks and journals it. The passphrase is wiped afterwards.
     */
    public void approveWithKey(Path keyFile, char[] passphrase, Role role, String note) {
        command(row -> {
            try {
                ApprovalRequest request = session.requestApproval(row.step().id());
                PersonalKey key = PersonalKeyFile.unlock(keyFile, passphrase);
                session.approveSigned(SignedApproval.sign(request, role.name(), note, key, Instant.now()));
            } catch (JournalException keyProblem) {
                throw new SessionRuleException(keyProblem.getMessage());
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        });
    }

    /** Requests are also written as files into the session's journal folder, beside the journal (set once, at start). */
    public void writeApprovalRequestsInto(Path journalFolder) {
        requestFolder = Optional.of(journalFolder);
    }

    /**
     * The request for an approver elsewhere, as one line to send ({@link #approvalRequestProperty()}) and, with a
     * journal folder, as its file there ({@link #approvalRequestFileProperty()}). A file that cannot be written is
     * said, and the line still works.
     */
    public void requestApproval() {
        StepRow row = current.get();
        if (row == null) {
            return;
        }
        commands.run(
                () -> {
                    ApprovalRequest request = session.requestApproval(row.step().id());
                    String line = request.toLine();
                    String where = "";
                    String fileProblem = "";
                    if (requestFolder.isPresent()) {
                        try {
                            where = request.writeInto(requestFolder.get()).toString();
                        } catch (IOException e) {
                            fileProblem = " Its file cannot be written into " + requestFolder.get() + " ("
                                    + e.getMessage() + "): send the line.";
                        }
                    }
                    String file = where;
                    uiThread.execute(() -> {
                        approvalRequest.set(line);
                        approvalRequestFile.set(file);
                    });
                    return new BusyRunner.Outcome(
                            "Approval request " + request.shortText() + ": send "
                                    + (file.isEmpty() ? "the line below" : "the line below or the file " + file)
                                    + " to the approver, who answers with flightdeck approve; paste or load their"
                                    + " signed approval here." + fileProblem,
                            !fileProblem.isEmpty());
                },
                this::tell);
    }

    /** Where the current gate's request file was written (empty when none was, or before it was asked for). */
    public ReadOnlyStringProperty approvalRequestFileProperty() {
        return approvalRequestFile.getReadOnlyProperty();
    }

    /** A signed approval from an approver elsewhere: its pasted line or its file. */
    public void loadApproval(String lineOrFile) {
        command(row -> {
            try {
                session.approveSigned(SignedApproval.read(lineOrFile));
            } catch (IllegalArgumentException unreadable) {
                throw new SessionRuleException(unreadable.getMessage());
            }
        });
    }

    /** The current gate's request line, once asked for (empty otherwise). */
    public ReadOnlyStringProperty approvalRequestProperty() {
        return approvalRequest.getReadOnlyProperty();
    }

    public void skipCurrent(String reason) {
        command(row -> session.skip(row.step().id(), reason));
    }

    /** Closes a completed session: records it and seals the journal; the closing checkpoint is shown as the message. */
    public void finishSession() {
        commands.run(
                () -> {
                    try {
                        String checkpoint = session.finishSession("all steps done");
                        closedHere = true;
                        return new BusyRunner.Outcome(
                                "Session closed. Closing checkpoint " + checkpoint
                                        + ": write it into the change ticket.",
                                false);
                    } catch (SessionRuleException | RuntimeException e) {
                        return new BusyRunner.Outcome("could not close the session: " + e.getMessage(), true);
                    }
                },
                this::tell);
    }

    /** An outcome of a command in the message line, with the state it left. */
    private void tell(BusyRunner.Outcome outcome) {
        messageIsProblem.set(outcome.problem());
        message.set(outcome.message());
        show(session.state());
    }

    public void markCurrentDone(String note) {
        command(row -> session.markDone(row.step().id(), note));
    }

    /** Hosts whose unknown key made the current step fail: host → "TYPE SHA256:…". */
    public Map<String, String> unknownHostKeysOfCurrentStep() {
        StepRow row = current.get();
        if (row == null) {
            return Map.of();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        session.state().record(row.step().id()).outputs().forEach((name, value) -> {
            if (name.startsWith(RunStepExecutor.UNKNOWN_HOST_KEY)) {
                keys.put(name.substring(RunStepExecutor.UNKNOWN_HOST_KEY.length()), value);
            }
        });
        return keys;
    }

    /** The operator compared the fingerprint with the server's and trusts this key; journaled with their name. */
    public void trustHostKey(String host, String fingerprint) {
        commands.run(
                () -> {
                    try {
                        String result = hostKeys.trust(host, fingerprint);
                        session.recordHostKeyDecision(
                                host, fingerprint, "trusted by " + session.operator() + " in the console: " + result);
                        return new BusyRunner.Outcome(
                                "Trusted " + fingerprint + " for " + host + " (" + result + "). Run the step again.",
                                false);
                    } catch (Exception e) {
                        return new BusyRunner.Outcome(
                                "could not trust the key of " + host + ": " + e.getMessage(), true);
                    }
                },
                this::tell);
    }

    /** The rollback plan as the operator should see it before starting it: one line per step, in order. */
    public String rollbackPlanText() {
        return rollback.planText();
    }

    /**
     * True until the rollback has finished successfully. A session closed in this window is not rolled back from it
     * (its journal is sealed and shut); one opened closed from its journal folder may be reopened for its rollback.
     */
    public boolean canRollBack() {
        SessionState now = session.state();
        return !(now.closed().isPresent() && closedHere) && now.rollback() != SessionFold.RollbackState.SUCCEEDED;
    }

    /** For a closed session: what rolling it back now means (empty while it is open). */
    public Optional<String> afterCloseWarning() {
        return AfterClose.warning(session.state(), clock.instant(), clock.getZone());
    }

    /** Reopens the closed session for its rollback, with the operator's written reason, and walks the plan. */
    public void reopenForRollback(String reason, Function<Step, Optional<String>> confirmations) {
        rollback.start(reason, session.operator(), confirmations);
    }

    /** Why the window is paused for the operator (an inconclusive analysis), or empty. */
    public ReadOnlyStringProperty pauseProperty() {
        return pause;
    }

    /** The evidence of the pause: its summary and samples or errors, one per line. */
    public ReadOnlyStringProperty pauseEvidenceProperty() {
        return pauseEvidence;
    }

    /** Answers the pause with "continue": journaled with the note, and the steps may go on. */
    public void continuePaused(String note) {
        commands.run(
                () -> {
                    session.decide(SessionEvent.AnalysisDecision.CONTINUE, note);
                    return new BusyRunner.Outcome("The window goes on, as " + session.operator() + " decided.", false);
                },
                this::tell);
    }

    /** Answers the pause with "roll back": journaled with the note, then the rollback runs as from the red button. */
    public void rollBackPaused(String note, Function<Step, Optional<String>> confirmations) {
        sessionExecutor.execute(() -> {
            try {
                session.decide(SessionEvent.AnalysisDecision.ROLLBACK, note);
            } catch (SessionRuleException e) {
                uiThread.execute(() -> tell(new BusyRunner.Outcome(e.getMessage(), true)));
            }
        });
        rollback.start("the operator chose to roll back an inconclusive analysis", session.operator(), confirmations);
    }

    /** Starts the emergency rollback (or continues one under way); the rollback screen shows its progress. */
    public void startRollback(Function<Step, Optional<String>> confirmations) {
        rollback.start("emergency rollback from the console", session.operator(), confirmations);
    }

    public RollbackViewModel rollback() {
        return rollback;
    }

    /** The roles the current approval gate needs (empty for other steps). */
    public List<Role> rolesOfCurrentGate() {
        StepRow row = current.get();
        return row != null && row.step().action() instanceof StepAction.Approve gate ? gate.roles() : List.of();
    }

    @FunctionalInterface
    private interface Command {
        void apply(StepRow row) throws SessionRuleException, InterruptedException;
    }

    /** The step being carried out right now, if any: the rollback dialog says it will be stopped. */
    public Optional<Step> runningStep() {
        StepRow row = current.get();
        return commands.working().isPresent() && row != null ? Optional.of(row.step()) : Optional.empty();
    }

    /**
     * Stops the step being carried out, for the emergency rollback: its thread is interrupted, the step's command is
     * cancelled (SSH: TERM, then the channel closed) and its outcome journaled as unknown. The rollback, queued on the
     * same session thread, starts as soon as it has stopped.
     */
    public void stopRunningStep() {
        commands.working().ifPresent(Thread::interrupt);
    }

    private void command(Command command) {
        StepRow row = current.get();
        if (row == null || busy.get()) {
            return;
        }
        message.set("");
        commands.run(
                () -> {
                    command.apply(row);
                    return new BusyRunner.Outcome("", true);
                },
                this::tell);
    }
}
