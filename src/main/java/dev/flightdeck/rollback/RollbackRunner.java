package dev.flightdeck.rollback;

import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionRuleException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks the rollback plan through the session, step by step. A step that fails or whose outcome is unknown stops
 * the rollback and says what the operator can do (run it again, or do it by hand and skip it with the reason);
 * it never carries on silently.
 */
public final class RollbackRunner {

    /** How the walk ended. */
    public enum Result { DONE, STOPPED, WAITING }

    private final Session session;
    private final Consumer<String> say;

    public RollbackRunner(Session session, Consumer<String> say) {
        this.session = session;
        this.say = say;
    }

    /**
     * @param confirmations asks the operator to confirm a checklist item of the plan: the note, or empty to wait
     *                      (the command line answers for {@code --yes}; the console shows a dialog)
     * @param skips         rollback steps the operator did by hand or decided against, with the reason
     */
    public Result run(java.util.function.Function<dev.flightdeck.runbook.Step, Optional<String>> confirmations, Map<String, String> skips)
            throws SessionRuleException, InterruptedException {
        while (true) {
            RollbackPlan plan = RollbackPlanner.plan(session.state());
            Optional<RollbackPlan.Entry> next = plan.entries().stream()
                    .filter(entry -> !session.state().record(entry.step().id()).status().isSettled()).findFirst();
            if (next.isEmpty()) {
                String checkpoint = session.finishRollback(SessionEvent.Status.SUCCEEDED, "all " + plan.entries().size() + " rollback steps done");
                say.accept("Rollback done. Checkpoint " + checkpoint + " (write it into the change ticket).");
                return Result.DONE;
            }
            RollbackPlan.Entry entry = next.get();
            String label = entry.number() + " " + entry.step().kind().label() + ": " + entry.step().displayTitle() + " (" + entry.why() + ")";
            if (skips.containsKey(entry.step().id())) {
                session.skipRollbackStep(entry.step(), entry.step(), skips.get(entry.step().id()));
                say.accept("  – " + label + ": skipped (" + skips.get(entry.step().id()) + ")");
                continue;
            }
            if (entry.step().kind() == StepKind.CONFIRM) {
                Optional<String> note = confirmations.apply(entry.step());
                if (note.isEmpty()) {
                    say.accept("  … " + label + ": waiting for the operator to confirm");
                    return Result.WAITING;
                }
                session.confirmRollbackStep(entry.step(), entry.step(), note.get());
                say.accept("  ✓ " + label);
                continue;
            }
            say.accept("  ▶ " + label);
            SessionEvent.StepOutcome outcome = session.runRollbackStep(entry.step(), entry.step());
            if (outcome.status() != SessionEvent.Status.SUCCEEDED) {
                say.accept("  " + (outcome.status() == SessionEvent.Status.UNKNOWN ? "?" : "✗") + " " + outcome.message());
                say.accept("    The rollback stopped here. Run it again to retry this step, or do it by hand and continue with --skip "
                        + entry.step().id() + "=\"what you did instead\".");
                return Result.STOPPED;
            }
            say.accept("  ✓ " + outcome.message());
        }
    }

    /** True when the rollback still has work: started and not finished. */
    public static boolean isUnderway(Session session) {
        return session.state().rollback() == dev.flightdeck.session.SessionFold.RollbackState.RUNNING;
    }
}
