package dev.flightdeck.ui.rollback;

import dev.flightdeck.runbook.Step;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks the operator, from the rollback's thread, to confirm a checklist item of the rollback plan. The dialog runs
 * on the FX thread; the rollback waits for the answer. "Not yet" leaves the rollback waiting at that item.
 */
public final class FxConfirmation implements Function<Step, Optional<String>> {

    private final String operator;

    public FxConfirmation(String operator) {
        this.operator = operator;
    }

    @Override
    public Optional<String> apply(Step step) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            ButtonType done = new ButtonType("Confirmed", ButtonBar.ButtonData.OK_DONE);
            ButtonType notYet = new ButtonType("Not yet", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, step.displayTitle(), done, notYet);
            alert.setTitle("Rollback checklist");
            alert.setHeaderText("Rollback step: confirm when this is done");
            boolean confirmed = alert.showAndWait().filter(done::equals).isPresent();
            answer.complete(
                    confirmed ? Optional.of("confirmed by " + operator + " during the rollback") : Optional.empty());
        });
        return answer.join();
    }
}
