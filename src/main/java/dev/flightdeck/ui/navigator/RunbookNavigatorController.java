package dev.flightdeck.ui.navigator;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.library.LibraryEntry;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The phases and steps of the chosen runbook. */
public final class RunbookNavigatorController {

    private final ObservableValue<LibraryEntry> chosen;
    private final ObjectProperty<NavigatorItem> selected;

    @FXML
    private TreeView<NavigatorItem> navigator;

    @FXML
    private Label heading;

    /**
     * @param chosen the library entry whose phases and steps are listed
     * @param selected where the navigator puts what the operator selects (the detail pane explains it)
     */
    public RunbookNavigatorController(ObservableValue<LibraryEntry> chosen, ObjectProperty<NavigatorItem> selected) {
        this.chosen = chosen;
        this.selected = selected;
    }

    @FXML
    private void initialize() {
        navigator.setCellFactory(tree -> new NavigatorCell());
        navigator.setShowRoot(true);
        navigator
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((observable, was, item) -> selected.set(item == null ? null : item.getValue()));
        chosen.addListener((observable, was, entry) -> show(entry));
        show(chosen.getValue());
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
