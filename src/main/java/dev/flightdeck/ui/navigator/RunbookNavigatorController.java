package dev.flightdeck.ui.navigator;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.library.LibraryEntry;
import dev.flightdeck.ui.main.ConsoleViewModel;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The phases and steps of the chosen runbook. */
public final class RunbookNavigatorController {

    private final ConsoleViewModel console;

    @FXML
    private TreeView<NavigatorItem> navigator;

    @FXML
    private Label heading;

    public RunbookNavigatorController(ConsoleViewModel console) {
        this.console = console;
    }

    @FXML
    private void initialize() {
        navigator.setCellFactory(tree -> new NavigatorCell());
        navigator.setShowRoot(true);
        navigator
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((observable, was, item) ->
                        console.selectedItemProperty().set(item == null ? null : item.getValue()));
        console.library().selectedProperty().addListener((observable, was, entry) -> show(entry));
        show(console.library().selectedProperty().get());
    }

    private void show(LibraryEntry entry) {
        if (entry == null) {
            navigator.setRoot(null);
            heading.setText("Phases and steps");
            return;
        }
        Optional<Runbook> runbook = entry.runbook();
        if (runbook.isPresent()) {
            heading.setText("Phases and steps");
            navigator.setRoot(NavigatorTree.of(runbook.get()));
        } else {
            heading.setText("Problems");
            navigator.setRoot(new TreeItem<>(new NavigatorItem.ProblemsItem(
                    entry.file().map(f -> f.getFileName().toString()).orElse(entry.title()),
                    entry.parsed().problems())));
        }
        navigator.getSelectionModel().select(0);
    }
}
