package dev.flightdeck.ui.navigator;

import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import java.util.List;

/** What the navigator lists and the detail pane explains. */
public sealed interface NavigatorItem {

    /** The runbook as a whole: overview, window, triggers. */
    record RunbookItem(Runbook runbook) implements NavigatorItem {}

    record PhaseItem(Runbook runbook, Phase phase, int number) implements NavigatorItem {}

    /** The rollback plan's heading. */
    record RollbackItem(Runbook runbook) implements NavigatorItem {}

    /**
     * @param number the checklist number shown beside it ("2.3", or "R1" in the rollback plan)
     */
    record StepItem(Runbook runbook, Step step, String number) implements NavigatorItem {}

    /** A runbook file that could not be used: its problems, with lines. */
    record ProblemsItem(String file, List<Problem> problems) implements NavigatorItem {}
}
