package dev.flightdeck.ui.main;

import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ui.ThemeManager;
import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/** The frame: app bar, the three panes, the status bar. */
public final class MainWindowController {

    private final ConsoleViewModel console;
    private final ThemeManager themes;

    @FXML
    private Button openButton;
    @FXML
    private atlantafx.base.controls.ToggleSwitch darkSwitch;
    @FXML
    private Label statusLabel;

    public MainWindowController(ConsoleViewModel console, ThemeManager themes) {
        this.console = console;
        this.themes = themes;
    }

    @FXML
    private void initialize() {
        darkSwitch.selectedProperty().bindBidirectional(themes.darkProperty());
        statusLabel.textProperty().bind(console.library().statusProperty());
    }

    @FXML
    private void openRunbook() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a runbook");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Runbooks (*" + RunbookLoader.FILE_SUFFIX + ", *.yaml)", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(openButton.getScene().getWindow());
        if (file != null) {
            console.library().open(file.toPath());
        }
    }
}
