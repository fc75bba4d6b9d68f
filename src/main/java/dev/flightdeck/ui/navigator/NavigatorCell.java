package dev.flightdeck.ui.navigator;

import atlantafx.base.theme.Styles;
import dev.flightdeck.ui.KindChip;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** One row of the navigator: number, kind chip and title for steps; a heading with a count for phases. */
final class NavigatorCell extends TreeCell<NavigatorItem> {

    /** The room beside a title: the tree's indent for the item's depth, the number and the widest kind chip. */
    private static final double RUNBOOK_INSET = 60;

    private static final double PHASE_INSET = 130;
    private static final double STEP_INSET = 230;

    NavigatorCell() {
        // size to the tree, not to the text: long titles wrap onto another line instead of a horizontal scrollbar
        setPrefWidth(0);
    }

    /** A title that wraps within what the tree leaves beside it, never cut to an ellipsis. */
    private Label wrapping(Label title, double inset) {
        title.setMinWidth(0);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        if (getTreeView() != null) {
            title.prefWidthProperty().bind(getTreeView().widthProperty().subtract(inset));
        }
        return title;
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
            Label title = wrapping(styled(runbookItem.runbook().title(), Styles.TEXT_BOLD), RUNBOOK_INSET);
            row.getChildren().add(title);
        } else if (item instanceof NavigatorItem.PhaseItem phaseItem) {
            Label title = wrapping(styled(phaseItem.phase().title(), Styles.TEXT_BOLD), PHASE_INSET);
            row.getChildren()
                    .addAll(
                            styled(phaseItem.number() + ".", Styles.TEXT_MUTED),
                            title,
                            styled(phaseItem.phase().steps().size() + "", "count-badge"));
        } else if (item instanceof NavigatorItem.RollbackItem rollbackItem) {
            row.getChildren()
                    .addAll(
                            styled("Rollback plan", Styles.TEXT_BOLD, Styles.DANGER),
                            styled(rollbackItem.runbook().rollback().size() + "", "count-badge"));
        } else if (item instanceof NavigatorItem.StepItem stepItem) {
            Label title = wrapping(styled(stepItem.step().displayTitle()), STEP_INSET);
            row.getChildren()
                    .addAll(
                            styled(stepItem.number(), Styles.TEXT_MUTED, "step-number"),
                            KindChip.of(stepItem.step().kind()),
                            title);
        } else if (item instanceof NavigatorItem.ProblemsItem problemsItem) {
            row.getChildren()
                    .add(styled(problemsItem.problems().size() + " problems in " + problemsItem.file(), Styles.DANGER));
        }
        setGraphic(row);
        setAccessibleText(row.getChildren().stream()
                .filter(Label.class::isInstance)
                .map(node -> ((Label) node).getText())
                .reduce((a, b) -> a + " " + b)
                .orElse(""));
    }

    private static Label styled(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
