package dev.flightdeck.ui.metrics;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks why the operator stops an armed rollback. The reason is required (it goes into the journal with the
 * operator's name); the dialog is not modal-blocking: it answers through the view model when closed.
 */
final class CancelCountdownDialog {

    private final MetricsPanelViewModel panel;
    private final Window owner;

    CancelCountdownDialog(MetricsPanelViewModel panel, Window owner) {
        this.panel = panel;
        this.owner = owner;
    }

    void ask() {
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Cancel the rollback countdown");
        dialog.setHeaderText("Stop the automatic rollback?");
        TextArea reason = new TextArea();
        reason.setId("cancelReason");
        reason.setPromptText("Why the rollback should not start (required)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setAccessibleText("Reason for cancelling the countdown");
        Label explanation = new Label(
                "The rollback will not start. " + panel.operator() + " and this reason are written to the journal.");
        explanation.setWrapText(true);
        explanation.setLabelFor(reason);
        ButtonType stop = new ButtonType("Cancel countdown", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep counting", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(stop, keep);
        dialog.getDialogPane().lookupButton(stop).setId("confirmCancelCountdown");
        dialog.getDialogPane()
                .lookupButton(stop)
                .disableProperty()
                .bind(reason.textProperty()
                        .isEmpty()
                        .or(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty())));
        dialog.getDialogPane().setContent(new VBox(8, explanation, reason));
        dialog.getDialogPane().setPrefWidth(420);
        dialog.setResultConverter(button -> button == stop ? reason.getText().strip() : null);
        dialog.setOnHidden(event -> {
            String answer = dialog.getResult();
            if (answer != null && !answer.isBlank()) {
                panel.cancelCountdown(answer);
            }
        });
        dialog.show();
    }
}
