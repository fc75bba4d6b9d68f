package dev.flightdeck.rollback;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the rollback plan of a session from what its journal says was done. */
public final class RollbackPlanner {

    private RollbackPlanner() {
    }

    public static RollbackPlan plan(SessionState state) {
        List<RollbackPlan.Entry> entries = new ArrayList<>();
        int number = 0;
        for (Step step : state.runbook().rollback()) {
            entries.add(new RollbackPlan.Entry("R" + (++number), step, "rollback procedure"));
        }
        List<Step> undone = state.runbook().steps()
                .filter(step -> step.undo().isPresent() && state.record(step.id()).status() == StepStatus.SUCCEEDED)
                .sorted(Comparator.comparing((Step step) -> finished(state.record(step.id()))).reversed())
                .toList();
        for (Step step : undone) {
            entries.add(new RollbackPlan.Entry("R" + (++number), step.undo().orElseThrow(), "undo of step " + step.id()));
        }
        return new RollbackPlan(entries);
    }

    private static Instant finished(StepRecord record) {
        return record.finishedAt().orElse(Instant.EPOCH);
    }
}
