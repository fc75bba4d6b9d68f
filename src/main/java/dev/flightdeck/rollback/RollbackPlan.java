package dev.flightdeck.rollback;

import dev.flightdeck.runbook.Step;
import java.util.List;

/**
 * What the emergency rollback will do, in order: the runbook's rollback procedure, then the undo of every
 * completed step that has one, newest first. Computed from the journal only, so a resumed rollback continues the
 * same plan.
 */
public record RollbackPlan(List<Entry> entries) {

    public RollbackPlan {
        entries = List.copyOf(entries);
    }

    /** One rollback step and why it is in the plan ("rollback procedure", "undo of step app-backup"). */
    public record Entry(String number, Step step, String why) {
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
