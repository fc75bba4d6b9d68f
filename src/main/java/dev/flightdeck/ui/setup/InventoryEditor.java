package dev.flightdeck.ui.setup;

import dev.flightdeck.runbook.Runbook;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The inventory's YAML in an editor beside its problems, checked as the operator types (against the runbook's
 * targets too), saved only when it has no errors. A small window of its own, so the setup stays visible.
 */
final class InventoryEditor {

    private InventoryEditor() {}

    /** Opens the editor; {@code saved} runs (on the FX thread) after each successful save. */
    static void open(Window owner, Path file, Runbook runbook, Executor background, String stylesheet, Runnable saved) {
        InventoryDraft draft = new InventoryDraft(file, runbook, background);
        TextArea text = new TextArea();
        text.getStyleClass().add("code-block");
        text.setAccessibleText("Inventory YAML");
        text.textProperty().bindBidirectional(draft.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        ListView<String> problems = new ListView<>(draft.problems());
        problems.setPrefHeight(140);
        problems.setPlaceholder(new Label("No problems: every target the runbook needs is here."));
        problems.setAccessibleText("Problems in the inventory");
        Label status = new Label();
        status.textProperty().bind(draft.statusProperty());
        status.getStyleClass().add("setup-message");
        Button save = new Button("Save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.disableProperty().bind(draft.savableProperty().not());
        save.setAccessibleText("Save the inventory (only without errors)");
        Button close = new Button("Close");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox root = new VBox(10, status, text, new Label("Problems"), problems, new HBox(8, gap, close, save));
        root.getStyleClass().add("setup");

        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(event -> draft.check());
        text.textProperty().addListener((observable, was, now) -> typing.playFromStart());

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Inventory — " + file.getFileName());
        stage.setScene(new Scene(root, 900, 680));
        stage.getScene().getStylesheets().add(stylesheet);
        save.setOnAction(event -> draft.save(saved));
        close.setOnAction(event -> stage.close());
        draft.load();
        stage.show();
    }
}
