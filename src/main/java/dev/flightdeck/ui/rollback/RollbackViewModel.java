package dev.flightdeck.ui.rollback;

import dev.flightdeck.rollback.RollbackPlan;
import dev.flightdeck.rollback.RollbackPlanner;
import dev.flightdeck.rollback.RollbackRunner;
import dev.flightdeck.rollback.VerificationTable;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.RollbackSequence;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rollback screen's state: the plan as a checklist with each entry's status, the rollback steps' live output,
 * the verification table, and what the operator may do when a step stopped it (retry, skip with a reason, or say
 * it was done by hand). Commands run on the session's thread; results come back through one hop on the UI thread.
 */
public final class RollbackViewModel {

    private static final int OUTPUT_LINES = 500;
    /** What the operator can do at a stopped step, in the words of the buttons below the message. */
    static final Function<String, String> ON_THIS_SCREEN =
            id -> "Retry step runs it again; or write what you did by hand and press "
                    + "Done by hand, continue; or write why it is left out and press Skip with reason.";

    private final Session session;
    private final Executor sessionExecutor;
    private final Executor uiThread;
    private final ObservableList<RollbackRow> plan = FXCollections.observableArrayList();
    private final ObservableList<VerificationTable.Row> verification = FXCollections.observableArrayList();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty started = new SimpleBooleanProperty(this, "started");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty stopped = new SimpleBooleanProperty(this, "stopped");
    private final Set<String> rollbackStepIds;
    private Function<Step, Optional<String>> confirmations = step -> Optional.empty();

    public RollbackViewModel(Session session, Executor sessionExecutor, Executor uiThread) {
        this.session = session;
        this.sessionExecutor = sessionExecutor;
        this.uiThread = uiThread;
        this.rollbackStepIds = Stream.of(
                        session.runbook().rollback().stream(),
                        session.runbook().rollbackVerification().stream(),
                        session.runbook().steps().flatMap(step -> step.undo().stream()))
                .flatMap(steps -> steps)
                .map(Step::id)
                .collect(Collectors.toUnmodifiableSet());
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded recorded, SessionState state) {
                uiThread.execute(() -> show(state));
                if (recorded.event() instanceof SessionEvent.RollbackCountdown
                        && state.rollbackRequested().isPresent()) {
                    uiThread.execute(
                            () -> startRequested(state.rollbackRequested().get()));
                }
            }

            @Override
            public void output(String stepId, String host, OutputSink.Stream stream, String line) {
                if (isRollbackStep(stepId)) {
                    uiThread.execute(() ->
                            append(stepId + " " + host + (stream == OutputSink.Stream.STDERR ? " ! " : " | ") + line));
                }
            }
        });
        show(session.state());
        if (RollbackRunner.isUnderway(session)) {
            // a session resumed mid-rollback: nothing walks the plan until the operator says so
            stopped.set(true);
            message.set("This rollback was interrupted. Retry continues it where it stopped.");
        }
        session.state().rollbackRequested().ifPresent(this::startRequested);
    }

    /** An armed trigger's countdown ran out: start as if the button were held, the reason naming the trigger. */
    private void startRequested(SessionEvent.RollbackCountdown expired) {
        start(
                "rollback trigger '" + expired.trigger() + "': its countdown ran out without a cancel",
                Session.SYSTEM,
                new FxConfirmation(session.operator()));
    }

    /**
     * Starts the rollback (or continues one under way, or reopens a closed session for it) and walks the plan;
     * {@code reason} is journaled.
     */
    public void start(String reason, String startedBy, Function<Step, Optional<String>> confirmations) {
        this.confirmations = confirmations;
        walk(
                () -> {
                    String begun = RollbackRunner.begin(session, reason, startedBy);
                    uiThread.execute(() -> say(begun));
                },
                Map.of());
    }

    /** Runs the step that stopped the rollback again. */
    public void retry() {
        walk(() -> {}, Map.of());
    }

    /** Skips the step that stopped the rollback, with the operator's reason, and goes on. */
    public void skip(String reason) {
        nextStepId().ifPresent(id -> walk(() -> {}, Map.of(id, "skipped: " + reason)));
    }

    /** The operator did the stopped step by hand (what they did is the note), and the rollback goes on. */
    public void doneByHand(String note) {
        nextStepId().ifPresent(id -> walk(() -> {}, Map.of(id, "done by hand: " + note)));
    }

    private interface Before {
        void run() throws SessionRuleException;
    }

    private void walk(Before before, Map<String, String> skips) {
        if (running.get()) {
            return;
        }
        running.set(true);
        stopped.set(false);
        sessionExecutor.execute(() -> {
            String last;
            boolean stop = false;
            try {
                before.run();
                RollbackRunner.Result result = new RollbackRunner(
                                session, line -> uiThread.execute(() -> say(line)), ON_THIS_SCREEN)
                        .run(confirmations, skips);
                stop = result == RollbackRunner.Result.STOPPED;
                last = switch (result) {
                    case DONE -> null;
                    case STOPPED ->
                        "The rollback stopped at a failing step: retry it, do it by hand and say what you did, or skip it with a reason.";
                    case WAITING -> "The rollback waits for a confirmation: press Retry when it is done.";
                    case UNVERIFIED -> null;
                };
            } catch (SessionRuleException | RuntimeException e) {
                last = "could not roll back: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = "the rollback was interrupted";
            }
            String shown = last;
            boolean isStopped = stop;
            uiThread.execute(() -> {
                running.set(false);
                stopped.set(isStopped);
                if (shown != null) {
                    message.set(shown);
                }
                show(session.state());
            });
        });
    }

    private Optional<String> nextStepId() {
        return RollbackSequence.next(session.state()).map(Step::id);
    }

    /** Called for every output line, so it looks at the runbook only: its rollback, verification and undo steps. */
    private boolean isRollbackStep(String stepId) {
        return rollbackStepIds.contains(stepId) && RollbackRunner.isUnderway(session);
    }

    private void say(String line) {
        message.set(line.strip());
        append(line);
    }

    private void append(String line) {
        output.add(line);
        if (output.size() > OUTPUT_LINES) {
            output.remove(0, output.size() - OUTPUT_LINES);
        }
    }

    private void show(SessionState state) {
        started.set(state.rollback() != SessionFold.RollbackState.NOT_STARTED);
        RollbackPlan current = RollbackPlanner.plan(state);
        plan.setAll(Stream.concat(current.entries().stream(), current.verification().stream())
                .map(entry -> new RollbackRow(
                        entry.number(),
                        entry.step().kind().label(),
                        entry.title(),
                        entry.why(),
                        statusOf(entry, state)))
                .toList());
        verification.setAll(state.verification()
                .map(VerificationTable::of)
                .map(VerificationTable::rows)
                .orElse(List.of()));
    }

    private static String statusOf(RollbackPlan.Entry entry, SessionState state) {
        String status = state.record(entry.step().id()).status().name().toLowerCase(Locale.ROOT);
        return entry.blocker().isPresent() && status.equals("pending") ? "blocked" : status;
    }

    /** The plan as the operator should see it before starting it: a line per step, in order, with what it will do. */
    public String planText() {
        return RollbackPlanner.plan(session.state()).render().stripTrailing();
    }

    /** Whether the runbook says how to check the rollback worked ({@code rollback-verification:}). */
    public boolean hasVerificationChecks() {
        return !session.runbook().rollbackVerification().isEmpty();
    }

    public String systemName() {
        SessionState state = session.state();
        // a session without an inventory ("(none)") ran on this computer only: there is no system name to add
        return state.runbook().title()
                + state.opened()
                        .map(SessionEvent.SessionOpened::inventory)
                        .filter(inventory -> !inventory.startsWith("("))
                        .map(inventory -> " on " + inventory)
                        .orElse("");
    }

    public ObservableList<RollbackRow> plan() {
        return plan;
    }

    public ObservableList<VerificationTable.Row> verification() {
        return verification;
    }

    public ObservableList<String> output() {
        return output;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty startedProperty() {
        return started;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty stoppedProperty() {
        return stopped;
    }
}
