package dev.flightdeck.ui.rollback;

import dev.flightdeck.rollback.DecisionMatrix;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import java.util.Optional;
import javafx.scene.layout.VBox;

/**
 * The last word before the rollback starts, after the button was held: names the system and what will happen (the
 * plan), with the seeds' decision matrix as guidance. "Roll back now" is the only way on; Escape cancels.
 */
public final class RollbackDialog {

    public static final String ROLL_BACK = "Roll back now";

    private RollbackDialog() {
    }

    /** Shows the dialog on the FX thread and returns true when the operator chose to roll back. */
    public static boolean confirm(RollbackViewModel rollback) {
        return confirm(rollback, java.util.Optional.empty());
    }

    /** The same, saying that the step running now will be stopped (its outcome journaled as unknown) first. */
    public static boolean confirm(RollbackViewModel rollback, java.util.Optional<dev.flightdeck.runbook.Step> running) {
        ButtonType go = new ButtonType(ROLL_BACK, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", go, cancel);
        alert.setTitle("Emergency rollback");
        alert.setHeaderText("Roll back " + rollback.systemName() + " to its state before the window?");
        VBox content = content(rollback);
        running.ifPresent(step -> {
            Label stopping = new Label("Step '" + step.displayTitle() + "' is running: it will be stopped first, and its outcome "
                    + "recorded as unknown (check its effect by hand).");
            stopping.setWrapText(true);
            stopping.getStyleClass().add("rollback-stops-step");
            content.getChildren().add(0, stopping);
        });
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("rollback-dialog");
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /**
     * For a session that already closed: the same dialog, led by what rolling back now costs (whatever was written
     * since the close), and a written reason, which the journal keeps; "Roll back now" stays disabled until there is
     * one. Returns the reason when the operator chose to roll back.
     */
    public static Optional<String> confirmAfterClose(RollbackViewModel rollback, String warning) {
        ButtonType go = new ButtonType(ROLL_BACK, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", go, cancel);
        alert.setTitle("Emergency rollback of a closed session");
        alert.setHeaderText("Reopen this session and roll " + rollback.systemName() + " back to its state before the window?");
        Label cost = new Label(warning);
        cost.setWrapText(true);
        cost.getStyleClass().add("rollback-after-close");
        TextField reason = new TextField();
        reason.setId("reopenReason");
        reason.setPromptText("What was found, and by whom");
        Label reasonLabel = new Label("Why roll back now? (journaled)");
        reasonLabel.setLabelFor(reason);
        VBox content = content(rollback);
        content.getChildren().addAll(0, java.util.List.of(cost, reasonLabel, reason));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("rollback-dialog");
        alert.getDialogPane().lookupButton(go).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        javafx.application.Platform.runLater(reason::requestFocus);
        return alert.showAndWait().filter(go::equals).map(chosen -> reason.getText().strip());
    }

    private static VBox content(RollbackViewModel rollback) {
        TextArea plan = text(rollback.planText(), "The rollback plan, in order");
        TextArea matrix = text(DecisionMatrix.builtin().render(), "Rollback decision matrix");
        Label planLabel = new Label("What will happen:");
        planLabel.setLabelFor(plan);
        Label matrixLabel = new Label("Which rollback fits (decision matrix, seed 004): the plan below is the runbook's; "
                + "for another method, cancel and run its phase instead.");
        matrixLabel.setWrapText(true);
        matrixLabel.setLabelFor(matrix);
        return new VBox(8, planLabel, plan, matrixLabel, matrix);
    }

    private static TextArea text(String content, String accessible) {
        TextArea area = new TextArea(content);
        area.setEditable(false);
        area.setPrefRowCount(Math.min(12, (int) content.lines().count() + 1));
        area.getStyleClass().add("code-block");
        area.setAccessibleText(accessible);
        return area;
    }
}
