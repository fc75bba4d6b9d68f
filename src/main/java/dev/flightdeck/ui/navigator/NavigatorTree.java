package dev.flightdeck.ui.navigator;

import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import javafx.scene.control.TreeItem;

/** Builds the navigator's tree: the runbook, its phases with their steps, then the rollback plan. */
final class NavigatorTree {

    private NavigatorTree() {}

    static TreeItem<NavigatorItem> of(Runbook runbook) {
        TreeItem<NavigatorItem> root = new TreeItem<>(new NavigatorItem.RunbookItem(runbook));
        root.setExpanded(true);
        int phaseNumber = 0;
        for (Phase phase : runbook.phases()) {
            phaseNumber++;
            TreeItem<NavigatorItem> phaseItem =
                    new TreeItem<>(new NavigatorItem.PhaseItem(runbook, phase, phaseNumber));
            phaseItem.setExpanded(true);
            int stepNumber = 0;
            for (Step step : phase.steps()) {
                stepNumber++;
                phaseItem
                        .getChildren()
                        .add(new TreeItem<>(new NavigatorItem.StepItem(runbook, step, phaseNumber + "." + stepNumber)));
            }
            root.getChildren().add(phaseItem);
        }
        TreeItem<NavigatorItem> rollback = new TreeItem<>(new NavigatorItem.RollbackItem(runbook));
        rollback.setExpanded(true);
        int rollbackNumber = 0;
        for (Step step : runbook.rollback()) {
            rollbackNumber++;
            rollback.getChildren().add(new TreeItem<>(new NavigatorItem.StepItem(runbook, step, "R" + rollbackNumber)));
        }
        root.getChildren().add(rollback);
        return root;
    }
}
