package dev.flightdeck.ui.main;

import atlantafx.base.controls.ToggleSwitch;
import dev.flightdeck.runbook.MarkdownImportFile;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ui.ThemeManager;
import dev.flightdeck.ui.library.ImportReviewDialog;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The frame: app bar, the three panes, the status bar. */
public final class MainWindowController {

    private final ConsoleViewModel console;
    private final ThemeManager themes;
    private final SessionOpener sessions;

    @FXML
    private Button openButton;

    @FXML
    private Button startButton;

    @FXML
    private Button rehearseButton;

    @FXML
    private ToggleSwitch darkSwitch;

    @FXML
    private Label statusLabel;

    public MainWindowController(ConsoleViewModel console, ThemeManager themes, SessionOpener sessions) {
        this.console = console;
        this.themes = themes;
        this.sessions = sessions;
    }

    @FXML
    private void initialize() {
        darkSwitch.selectedProperty().bindBidirectional(themes.darkProperty());
        statusLabel.textProperty().bind(console.library().statusProperty());
        startButton
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> console.library().selectedProperty().get() == null
                                || console.library()
                                        .selectedProperty()
                                        .get()
                                        .runbook()
                                        .isEmpty(),
                        console.library().selectedProperty()));
    }

    /** Opens a session window for the chosen runbook: setup, dry run, then the wizard. */
    @FXML
    private void startSession() {
        var entry = console.library().selectedProperty().get();
        if (entry == null || entry.runbook().isEmpty()) {
            return;
        }
        sessions.start(entry.runbook().get(), entry.sha256());
    }

    /**
     * Practise on the sandbox: the operator picks the healthy or the faulty scenario, and a session window starts the
     * sandbox and sets up the rehearsal runbook against it.
     */
    @FXML
    private void rehearse() {
        sessions.rehearse(rehearseButton.getScene().getWindow());
    }

    @FXML
    private void openRunbook() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a runbook");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Runbooks (*" + RunbookLoader.FILE_SUFFIX + ", *.yaml)", "*.yaml", "*.yml"),
                        new FileChooser.ExtensionFilter("Markdown procedures to import (*.md)", "*.md", "*.markdown"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        Window window = openButton.getScene().getWindow();
        File file = chooser.showOpenDialog(window);
        if (file == null) {
            return;
        }
        if (MarkdownImportFile.isMarkdown(file.toPath())) {
            // a document is imported and reviewed first; the runbook is saved only where the person says
            console.library()
                    .importMarkdown(
                            file.toPath(),
                            imported -> new ImportReviewDialog(
                                            imported, suggested -> chooseRunbookFile(window, suggested))
                                    .show(
                                            window,
                                            (reviewed, target) ->
                                                    console.library().saveImported(reviewed, target, true)));
        } else {
            console.library().open(file.toPath());
        }
    }

    /** The save dialog (which asks before replacing a file), starting at the importer's suggestion. */
    private static Optional<Path> chooseRunbookFile(Window owner, Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the imported runbook");
        chooser.setInitialDirectory(suggested.toAbsolutePath().getParent().toFile());
        chooser.setInitialFileName(suggested.getFileName().toString());
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Runbooks (*" + RunbookLoader.FILE_SUFFIX + ")", "*.yaml"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }
}
