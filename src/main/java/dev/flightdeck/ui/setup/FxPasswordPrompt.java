package dev.flightdeck.ui.setup;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;

/**
 * Asks for a database password when a background step needs one: the dialog runs on the FX thread, the step's
 * thread waits for the answer. Returns null when the operator cancels.
 */
public final class FxPasswordPrompt implements Supplier<char[]> {

    private final String what;
    private final String hint;

    /** For database passwords: ~/.pgpass is tried first. */
    public FxPasswordPrompt(String what) {
        this(what, "not stored; ~/.pgpass is used when it has an entry");
    }

    /**
     * @param hint one line on where else the secret could come from, or that it is not kept
     */
    public FxPasswordPrompt(String what, String hint) {
        this.what = what;
        this.hint = hint;
    }

    @Override
    public char[] get() {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.setTitle("Password needed");
            dialog.setHeaderText("Password for " + what + " (" + hint + ")");
            PasswordField field = new PasswordField();
            field.setAccessibleText("Database password");
            dialog.getDialogPane().setContent(field);
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            boolean ok = dialog.showAndWait().filter(ButtonType.OK::equals).isPresent();
            char[] typed = new char[field.getCharacters().length()];
            for (int i = 0; i < typed.length; i++) {
                typed[i] = field.getCharacters().charAt(i);
            }
            field.clear();
            answer.complete(ok ? typed : null);
        });
        return answer.join();
    }
}
