package dev.flightdeck.app.cli;

import dev.flightdeck.rollback.RollbackPlan;
import dev.flightdeck.rollback.RollbackPlanner;
import dev.flightdeck.rollback.RollbackRunner;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionRuleException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a session's rollback plan without a person at the screen, for {@code flightdeck rollback} and for
 * {@code flightdeck run --auto-rollback}: prints the plan, starts (or continues) the rollback, confirms checklist
 * items only with {@code --yes}, and prints every step and the verification table.
 */
final class HeadlessRollback {

    private final PrintWriter out;
    private final boolean yes;
    private final Map<String, String> skips;

    HeadlessRollback(PrintWriter out, boolean yes, Map<String, String> skips) {
        this.out = out;
        this.yes = yes;
        this.skips = skips;
    }

    /** @return the exit code: 0 rolled back and verified, 1 stopped or not verified, 3 waiting for a confirmation */
    int run(Session session, String reason, String startedBy) throws SessionRuleException, InterruptedException {
        say(session.redact(RollbackRunner.begin(session, reason, startedBy)));
        printPlan(RollbackPlanner.plan(session.state()), out);
        RollbackRunner.Result result = new RollbackRunner(session, line -> say(session.redact(line)))
                .run(step -> yes ? Optional.of("confirmed in non-interactive mode (--yes)") : Optional.empty(), skips);
        out.flush();
        return switch (result) {
            case DONE -> Cli.OK;
            case STOPPED, UNVERIFIED -> Cli.PROBLEM;
            case WAITING -> HeadlessRun.WAITING;
        };
    }

    static void printPlan(RollbackPlan plan, PrintWriter out) {
        out.println("Rollback plan (" + plan.entries().size() + " steps, "
                + plan.verification().size() + " checks):");
        out.print(plan.render());
        out.flush();
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
