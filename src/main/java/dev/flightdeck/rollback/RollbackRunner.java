package dev.flightdeck.rollback;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks the rollback plan through the session, step by step, then runs its verification checks and journals their
 * table. A step that fails, whose outcome is unknown, or that cannot run as planned stops the rollback and says
 * what the operator can do (run it again, or do it by hand and skip it with the reason) and which steps did not
 * run; it never carries on silently.
 */
public final class RollbackRunner {

    /** How the walk ended. {@code UNVERIFIED}: every step done, but a verification check did not pass. */
    public enum Result {
        DONE,
        STOPPED,
        WAITING,
        UNVERIFIED
    }

    /** How to go on past a stopped step on a command line: step id → what to type. */
    public static final Function<String, String> ON_THE_COMMAND_LINE =
            id -> "Run it again to retry this step, or do it by hand and " + "continue with --skip " + id
                    + "=\"what you did instead\".";

    private final Session session;
    private final Consumer<String> say;
    private final Function<String, String> howToGoOn;

    public RollbackRunner(Session session, Consumer<String> say) {
        this(session, say, ON_THE_COMMAND_LINE);
    }

    /** @param howToGoOn what the operator can do at a stopped step (step id → advice), in the words of their screen */
    public RollbackRunner(Session session, Consumer<String> say, Function<String, String> howToGoOn) {
        this.session = session;
        this.say = say;
        this.howToGoOn = howToGoOn;
    }

    /**
     * Starts the rollback, reopens a closed session for it (after {@link AfterClose}'s warning was shown), or goes on
     * with one under way; returns what happened, for the operator.
     */
    public static String begin(Session session, String reason, String by) throws SessionRuleException {
        SessionState state = session.state();
        if (state.closed().isPresent()) {
            return "Session reopened for its rollback by " + by + " (" + reason.strip() + "), checkpoint "
                    + session.reopenForRollback(reason, by);
        }
        if (state.rollback() == SessionFold.RollbackState.RUNNING) {
            return "Continuing the rollback that was under way.";
        }
        return "Rollback started by " + by + " (" + reason + "), checkpoint " + session.startRollback(reason, by);
    }

    /**
     * @param confirmations asks the operator to confirm a checklist item of the plan: the note, or empty to wait
     *                      (the command line answers for {@code --yes}; the console shows a dialog)
     * @param skips         rollback steps the operator did by hand or decided against, with the reason
     */
    public Result run(Function<Step, Optional<String>> confirmations, Map<String, String> skips)
            throws SessionRuleException, InterruptedException {
        while (true) {
            RollbackPlan plan = RollbackPlanner.plan(session.state());
            Optional<RollbackPlan.Entry> next = plan.entries().stream()
                    .filter(entry ->
                            !session.state().record(entry.step().id()).status().isSettled())
                    .findFirst();
            if (next.isEmpty()) {
                Result result = new RollbackVerification(session, say).verifyAndFinish(plan);
                if (result == Result.DONE) {
                    closeSession();
                }
                return result;
            }
            Optional<Result> stop = step(next.get(), plan, confirmations, skips);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
    }

    private Optional<Result> step(
            RollbackPlan.Entry entry,
            RollbackPlan plan,
            Function<Step, Optional<String>> confirmations,
            Map<String, String> skips)
            throws SessionRuleException, InterruptedException {
        String id = entry.step().id();
        if (skips.containsKey(id)) {
            session.skipRollbackStep(id, skips.get(id));
            say.accept("  – " + entry.line() + ": skipped (" + skips.get(id) + ")");
            return Optional.empty();
        }
        if (entry.blocker().isPresent()) {
            say.accept(
                    "  ✗ " + entry.line() + ": cannot run: " + entry.blocker().get());
            return Optional.of(stopped(entry, plan));
        }
        if (entry.step().kind() == StepKind.CONFIRM) {
            Optional<String> note = confirmations.apply(entry.step());
            if (note.isEmpty()) {
                say.accept("  … " + entry.line() + ": waiting for the operator to confirm");
                return Optional.of(Result.WAITING);
            }
            session.confirmRollbackStep(id, note.get());
            say.accept("  ✓ " + entry.line());
            return Optional.empty();
        }
        if (session.state().record(id).status() == StepStatus.UNKNOWN) {
            say.accept("  ? " + entry.line() + ": its outcome was never recorded (interrupted); running it again");
        }
        say.accept("  ▶ " + entry.line());
        SessionEvent.StepOutcome outcome = session.runRollbackStep(id);
        if (outcome.status() != SessionEvent.Status.SUCCEEDED) {
            say.accept("  " + (outcome.status() == SessionEvent.Status.UNKNOWN ? "?" : "✗") + " " + outcome.message());
            return Optional.of(stopped(entry, plan));
        }
        say.accept("  ✓ " + outcome.message());
        return Optional.empty();
    }

    /**
     * A verified rollback ends the window: the systems are as they were before it and none of the session's steps may
     * run again, so the journal is sealed with its closing checkpoint (else a reviewer would find it "not closed").
     * A rollback whose checks failed leaves the session open, to be retried.
     */
    private void closeSession() throws SessionRuleException {
        boolean reopened = session.state().reopened().isPresent();
        String checkpoint = session.finishSession(
                reopened ? "rolled back after the window had closed" : "rolled back and verified");
        say.accept("Session closed" + (reopened ? " again" : "") + ", closing checkpoint " + checkpoint
                + ": write it into the change ticket.");
    }

    /** Says where the rollback stopped, what to do, and which steps have not run. */
    private Result stopped(RollbackPlan.Entry entry, RollbackPlan plan) {
        say.accept("    The rollback stopped at " + entry.number() + ". "
                + howToGoOn.apply(entry.step().id()));
        int at = plan.entries().indexOf(entry);
        plan.entries().subList(at + 1, plan.entries().size()).stream()
                .filter(later ->
                        !session.state().record(later.step().id()).status().isSettled())
                .forEach(later -> say.accept("    not run: " + later.line()));
        plan.verification().forEach(check -> say.accept("    not run: " + check.line()));
        return Result.STOPPED;
    }

    /** True when the rollback still has work: started and not finished. */
    public static boolean isUnderway(Session session) {
        return session.state().rollback() == SessionFold.RollbackState.RUNNING;
    }
}
