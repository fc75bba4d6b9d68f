package dev.flightdeck.rollback;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.DryRun;
import dev.flightdeck.session.RollbackSequence;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.steps.RestoreChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the rollback plan of a session from what its journal says was done, and binds every value from this
 * session: {@code ${steps.ID.output}} is the backup file, checksum or snapshot name this session produced, and a
 * restore says which of its artefacts it will use (a snapshot swap, else the verified dump, else a stop).
 */
public final class RollbackPlanner {

    private RollbackPlanner() {}

    public static RollbackPlan plan(SessionState state) {
        SessionValues bindings = SessionValues.of(state);
        List<RollbackPlan.Entry> entries = new ArrayList<>();
        for (RollbackSequence.Item item : RollbackSequence.of(state)) {
            String why = item.undoOf().map(step -> "undo of step " + step.id()).orElse("rollback procedure");
            entries.add(entry("R" + (entries.size() + 1), item.step(), why, state, bindings));
        }
        List<RollbackPlan.Entry> checks = new ArrayList<>();
        for (Step check : state.runbook().rollbackVerification()) {
            checks.add(entry("V" + (checks.size() + 1), check, "verification", state, bindings));
        }
        return new RollbackPlan(entries, checks);
    }

    private static RollbackPlan.Entry entry(
            String number, Step step, String why, SessionState state, SessionValues bindings) {
        try {
            if (step.action() instanceof StepAction.Restore restore) {
                String database = bindings.bind(restore.database());
                Optional<String> from = restore.from().isPresent()
                        ? Optional.of(bindings.bind(restore.from().get()))
                        : Optional.empty();
                RestoreChoice choice = RestoreChoice.of(state, database, from);
                Optional<String> blocker = choice instanceof RestoreChoice.Nothing nothing
                        ? Optional.of(nothing.reason())
                        : Optional.empty();
                return new RollbackPlan.Entry(
                        number, step, bindings.bindKnown(step.displayTitle()), why, choice.describe(), blocker);
            }
            String text = DryRun.boundText(step.action(), bindings);
            return new RollbackPlan.Entry(
                    number, step, bindings.bindKnown(step.displayTitle()), why, text, Optional.empty());
        } catch (SessionValues.UnboundVariableException e) {
            return new RollbackPlan.Entry(
                    number,
                    step,
                    bindings.bindKnown(step.displayTitle()),
                    why,
                    String.join("\n", DryRun.textOf(step.action())),
                    Optional.of(e.getMessage()));
        }
    }
}
