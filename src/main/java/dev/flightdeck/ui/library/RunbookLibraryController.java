package dev.flightdeck.ui.library;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The list of runbooks on the left. */
public final class RunbookLibraryController {

    private final RunbookLibraryViewModel viewModel;

    @FXML
    private ListView<LibraryEntry> runbookList;

    public RunbookLibraryController(RunbookLibraryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        runbookList.setItems(viewModel.entries());
        runbookList.setCellFactory(list -> new EntryCell());
        runbookList.getSelectionModel().selectedItemProperty().addListener((observable, was, entry) -> {
            if (entry != null) {
                viewModel.selectedProperty().set(entry);
            }
        });
        viewModel
                .selectedProperty()
                .addListener((observable, was, entry) ->
                        runbookList.getSelectionModel().select(entry));
    }

    private static final class EntryCell extends ListCell<LibraryEntry> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label origin = new Label();
        private final VBox box = new VBox(2, title, detail, origin);

        EntryCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setWrapText(true);
            // all its lines, always: a theme's larger font never turns the last one into "…"
            title.setMinHeight(Region.USE_PREF_SIZE);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            origin.getStyleClass().addAll(Styles.TEXT_SMALL, "library-origin");
            box.getStyleClass().add("library-cell");
            box.setMinWidth(0);
            setPrefWidth(0);
            // wrap long titles within the cell instead of cutting them
            box.maxWidthProperty().bind(widthProperty().subtract(24));
        }

        /** Measure at the cell's real width, so a long title wraps onto a second line instead of being cut. */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            double contentWidth = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            return box.prefHeight(contentWidth) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void updateItem(LibraryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(entry.title());
            detail.setText(entry.detail());
            origin.setText(
                    entry.isBuiltin()
                            ? "Built in · "
                                    + entry.parsed().value().map(r -> r.id()).orElse("")
                            : entry.file().map(Object::toString).orElse(""));
            detail.pseudoClassStateChanged(
                    PseudoClass.getPseudoClass("invalid"), !entry.parsed().isValid());
            setGraphic(box);
            setAccessibleText(entry.title() + ", " + entry.detail());
        }
    }
}
