package dev.flightdeck.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.flightdeck.ui.KindChip;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A step in the wizard's list: status mark, number, kind, title, duration; a phase heading above a phase's first step. */
final class StepRowCell extends ListCell<StepRow> {

    /** The width beside a step's title: padding, status mark, number, the widest kind chip, duration, scroll bar. */
    private static final double TITLE_INSET = 196;

    private final Label phase = new Label();
    private final Label mark = new Label();
    private final Label number = new Label();
    private final Label title = new Label();
    private final Label duration = new Label();
    private final HBox line = new HBox(8);
    private final VBox box = new VBox(4);

    StepRowCell() {
        phase.getStyleClass().addAll(Styles.TEXT_BOLD, "wizard-phase");
        mark.getStyleClass().add("status-mark");
        number.getStyleClass().addAll(Styles.TEXT_MUTED, "step-number");
        title.setMinWidth(0);
        // a long title wraps onto more lines instead of ending in "…"; see updateItem for its width
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        duration.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        duration.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        line.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        mark.setText(row.glyph());
        mark.getStyleClass().removeIf(style -> style.startsWith("status-") && !style.equals("status-mark"));
        mark.getStyleClass().add(row.statusStyle());
        number.setText(row.number());
        title.setText(row.titleProperty().get());
        if (!title.prefWidthProperty().isBound()) {
            // a cell's graphic is measured at its preferred width: the title's is what the list leaves beside the
            // mark, the number, the widest kind chip and the duration
            title.prefWidthProperty().bind(getListView().widthProperty().subtract(TITLE_INSET));
        }
        duration.setText(row.durationProperty().get());
        line.getChildren().setAll(mark, number, KindChip.of(row.step().kind()), title, duration);
        boolean firstOfPhase = getIndex() == 0
                || !getListView().getItems().get(getIndex() - 1).phaseTitle().equals(row.phaseTitle());
        box.getChildren().setAll(firstOfPhase ? List.of(phase, line) : List.of(line));
        phase.setText(row.phaseTitle());
        setGraphic(box);
        setAccessibleText(row.number() + " " + row.titleProperty().get() + ", " + row.statusText());
    }
}
