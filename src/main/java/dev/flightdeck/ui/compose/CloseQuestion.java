package dev.flightdeck.ui.compose;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The one question asked before a window with a session still open goes away: what is open, what closing does, and
 * "Keep working" as the default answer, so Enter never closes by accident.
 */
final class CloseQuestion {

    private CloseQuestion() {}

    /** @return true when the operator chose to close */
    static boolean ask(Window owner, String title, String whatIsOpen, String consequence, String closeLabel) {
        ButtonType close = new ButtonType(closeLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert question = new Alert(Alert.AlertType.WARNING, "", close, stay);
        question.initOwner(owner);
        question.setTitle(title);
        question.setHeaderText(whatIsOpen);
        Label text = new Label(consequence);
        text.setWrapText(true);
        question.getDialogPane().setContent(text);
        question.getDialogPane().setPrefWidth(600);
        question.getDialogPane().getStyleClass().add("close-session-dialog");
        ((Button) question.getDialogPane().lookupButton(close)).setDefaultButton(false);
        ((Button) question.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        return question.showAndWait().filter(close::equals).isPresent();
    }

    /** What closing does to a session left open, said the same way for one window and for all of them. */
    static String consequence(boolean rehearsal) {
        return "If you close now, Flightdeck notes in the journal that the window was closed in this state and seals "
                + "everything recorded so far with a checkpoint. Nothing is undone and the session is not finished: "
                + (rehearsal ? "the rehearsal's sandbox is stopped and deleted." : "open its journal folder to go on.");
    }
}
