package dev.flightdeck.ui.navigator;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

/** One row of the navigator: number, kind chip and title for steps; a heading with a count for phases. */
final class NavigatorCell extends TreeCell<NavigatorItem> {

    NavigatorCell() {
        // size to the tree, not to the text, so long titles end in an ellipsis instead of a horizontal scrollbar
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(NavigatorItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        HBox row = new HBox(8);
        row.setMinWidth(0);
        row.setAlignment(Pos.CENTER_LEFT);
        if (item instanceof NavigatorItem.RunbookItem runbookItem) {
            Label title = styled(runbookItem.runbook().title(), Styles.TEXT_BOLD);
            title.setMinWidth(0);
            row.getChildren().add(title);
        } else if (item instanceof NavigatorItem.PhaseItem phaseItem) {
            Label title = styled(phaseItem.phase().title(), Styles.TEXT_BOLD);
            title.setMinWidth(0);
            row.getChildren().addAll(styled(phaseItem.number() + ".", Styles.TEXT_MUTED), title,
                    styled(phaseItem.phase().steps().size() + "", "count-badge"));
        } else if (item instanceof NavigatorItem.RollbackItem rollbackItem) {
            row.getChildren().addAll(styled("Rollback plan", Styles.TEXT_BOLD, Styles.DANGER),
                    styled(rollbackItem.runbook().rollback().size() + "", "count-badge"));
        } else if (item instanceof NavigatorItem.StepItem stepItem) {
            Label title = styled(stepItem.step().displayTitle());
            title.setMinWidth(0);
            row.getChildren().addAll(styled(stepItem.number(), Styles.TEXT_MUTED, "step-number"), KindChip.of(stepItem.step().kind()), title);
        } else if (item instanceof NavigatorItem.ProblemsItem problemsItem) {
            row.getChildren().add(styled(problemsItem.problems().size() + " problems in " + problemsItem.file(), Styles.DANGER));
        }
        setGraphic(row);
        setAccessibleText(row.getChildren().stream().filter(Label.class::isInstance)
                .map(node -> ((Label) node).getText()).reduce((a, b) -> a + " " + b).orElse(""));
    }

    private static Label styled(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
