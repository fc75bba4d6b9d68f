package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Problems;
import java.util.Set;

/**
 * What {@code rollback-verification:} may hold: checks that only look (http, sql and run with an expectation,
 * verify-data comparing with a capture made before the change). A checklist item or a change there would turn the
 * pass/fail table into another procedure.
 */
final class RollbackVerificationRules {

    private static final Set<StepKind> CHECKS = Set.of(StepKind.HTTP, StepKind.SQL, StepKind.RUN, StepKind.VERIFY_DATA);

    private final Problems problems;

    RollbackVerificationRules(Problems problems) {
        this.problems = problems;
    }

    void check(Runbook runbook) {
        for (Step step : runbook.rollbackVerification()) {
            if (!CHECKS.contains(step.kind())) {
                problems.error(
                        step.position(),
                        "rollback verification step '" + step.id() + "' is a "
                                + step.kind().key()
                                + " step; the verification holds checks only: http, sql, run (with expect) or verify-data with compare-to");
            } else if (step.action() instanceof StepAction.VerifyData verify
                    && verify.compareTo().isEmpty()) {
                problems.error(
                        step.position(),
                        "rollback verification step '" + step.id() + "' must compare with the capture made "
                                + "before the change: add 'compare-to: STEP'");
            } else if (step.undo().isPresent()) {
                problems.error(
                        step.position(),
                        "rollback verification step '" + step.id() + "' only checks; it cannot have 'undo:'");
            }
        }
        if (!runbook.rollbackVerification().isEmpty() && runbook.rollback().isEmpty()) {
            problems.warning(
                    runbook.rollbackVerification().get(0).position(),
                    "'rollback-verification:' checks a rollback, but the runbook has no 'rollback:' plan");
        }
    }
}
