package dev.flightdeck.ui.rollback;

import dev.flightdeck.rollback.DecisionMatrix;
import dev.flightdeck.runbook.Step;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The last word before the rollback starts, after the button was held: names the system and what will happen (the
 * plan), with the seeds' decision matrix as guidance. "Roll back now" is the only way on; Escape cancels.
 */
public final class RollbackDialog {

    public static final String ROLL_BACK = "Roll back now";
    private static final ButtonType GO = new ButtonType(ROLL_BACK, ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private RollbackDialog() {}

    /** Shows the dialog on the FX thread and returns true when the operator chose to roll back. */
    public static boolean confirm(RollbackViewModel rollback) {
        return confirm(rollback, Optional.empty());
    }

    /** The same, saying that the step running now will be stopped (its outcome journaled as unknown) first. */
    public static boolean confirm(RollbackViewModel rollback, Optional<Step> running) {
        List<Node> lead = running.<List<Node>>map(step -> List.of(note(
                        "Step '" + step.displayTitle() + "' is running: it will be "
                                + "stopped first, and its outcome recorded as unknown (check its effect by hand).",
                        "rollback-stops-step")))
                .orElse(List.of());
        return dialog(
                        "Emergency rollback",
                        "Roll back " + rollback.systemName() + " to its state before the window?",
                        rollback,
                        lead)
                .showAndWait()
                .filter(GO::equals)
                .isPresent();
    }

    /**
     * For a session that already closed: the same dialog, led by what rolling back now costs (whatever was written
     * since the close), and a written reason, which the journal keeps; "Roll back now" stays disabled until there is
     * one. Returns the reason when the operator chose to roll back.
     */
    public static Optional<String> confirmAfterClose(RollbackViewModel rollback, String warning) {
        TextField reason = new TextField();
        reason.setId("reopenReason");
        reason.setPromptText("What was found, and by whom");
        Label reasonLabel = new Label("Why roll back now? (journaled)");
        reasonLabel.setLabelFor(reason);
        Alert alert = dialog(
                "Emergency rollback of a closed session",
                "Reopen this session and roll " + rollback.systemName() + " back to its state before the window?",
                rollback,
                List.of(note(warning, "rollback-after-close"), reasonLabel, reason));
        alert.getDialogPane()
                .lookupButton(GO)
                .disableProperty()
                .bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        Platform.runLater(reason::requestFocus);
        return alert.showAndWait()
                .filter(GO::equals)
                .map(chosen -> reason.getText().strip());
    }

    /** What both confirmations share: "Roll back now" or Cancel, the given lead above the plan and the decision matrix. */
    private static Alert dialog(String title, String header, RollbackViewModel rollback, List<Node> lead) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", GO, CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        VBox content = content(rollback);
        content.getChildren().addAll(0, lead);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("rollback-dialog");
        return alert;
    }

    private static Label note(String text, String styleClass) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add(styleClass);
        return note;
    }

    private static VBox content(RollbackViewModel rollback) {
        TextArea plan = text(rollback.planText(), "The rollback plan, in order");
        TextArea matrix = text(DecisionMatrix.builtin().render(), "Rollback decision matrix");
        Label planLabel = new Label("What will happen:");
        planLabel.setLabelFor(plan);
        Label matrixLabel =
                new Label("Which rollback fits (decision matrix, seed 004): the plan below is the runbook's; "
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
