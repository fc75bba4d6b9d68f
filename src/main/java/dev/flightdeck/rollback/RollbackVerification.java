package dev.flightdeck.rollback;

import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.StepStatus;
import java.util.function.Consumer;

/**
 * After the rollback steps: runs every check of {@code rollback-verification:} that has not passed (all of them, even
 * after one fails, so the table is complete), journals the pass/fail table with a signed checkpoint, and ends the
 * rollback: succeeded when every check passed, failed otherwise.
 */
final class RollbackVerification {

    private final Session session;
    private final Consumer<String> say;

    RollbackVerification(Session session, Consumer<String> say) {
        this.session = session;
        this.say = say;
    }

    RollbackRunner.Result verifyAndFinish(RollbackPlan plan) throws SessionRuleException, InterruptedException {
        int steps = plan.entries().size();
        if (plan.verification().isEmpty()) {
            return finish(
                    SessionEvent.Status.SUCCEEDED, "all " + steps + " rollback steps done", RollbackRunner.Result.DONE);
        }
        say.accept("  Verification (" + plan.verification().size() + " checks):");
        for (RollbackPlan.Entry check : plan.verification()) {
            if (session.state().record(check.step().id()).status() == StepStatus.SUCCEEDED
                    || check.blocker().isPresent()) {
                continue;
            }
            SessionEvent.StepOutcome outcome =
                    session.runVerificationCheck(check.step().id());
            say.accept("  " + (outcome.status() == SessionEvent.Status.SUCCEEDED ? "✓" : "✗") + " " + check.line()
                    + ": " + outcome.message());
        }
        VerificationTable table = VerificationTable.of(plan, session.state());
        String checkpoint = session.recordVerification(table.journalRows(), table.passed());
        table.render().lines().forEach(say);
        say.accept("  Verification "
                + (table.passed()
                        ? "passed"
                        : "FAILED: " + table.failures() + " of " + table.rows().size() + " checks") + ", checkpoint "
                + checkpoint);
        if (table.passed()) {
            return finish(
                    SessionEvent.Status.SUCCEEDED,
                    "all " + steps + " rollback steps done; all " + table.rows().size() + " checks passed",
                    RollbackRunner.Result.DONE);
        }
        return finish(
                SessionEvent.Status.FAILED,
                "all " + steps + " rollback steps done; " + table.failures() + " of "
                        + table.rows().size() + " verification checks did not pass",
                RollbackRunner.Result.UNVERIFIED);
    }

    private RollbackRunner.Result finish(SessionEvent.Status status, String message, RollbackRunner.Result result)
            throws SessionRuleException {
        String checkpoint = session.finishRollback(status, message);
        if (result == RollbackRunner.Result.DONE) {
            say.accept("Rollback done. Checkpoint " + checkpoint + " (write it into the change ticket).");
        } else {
            say.accept("Rollback steps done but not verified: " + message + ". Checkpoint " + checkpoint
                    + ". Check the failing items by hand; run the rollback again to re-run the checks.");
        }
        return result;
    }
}
