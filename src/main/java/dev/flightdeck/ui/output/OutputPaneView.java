package dev.flightdeck.ui.output;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The live output console: a toolbar over a virtualized, capped list of lines. Embed it in FXML as
 * {@code <OutputPaneView fx:id="outputConsole"/>} or with {@code new OutputPaneView()}, and hand
 * {@link #console()} to whatever produces output (it is an {@code OutputSink}, callable from any thread).
 */
public final class OutputPaneView extends BorderPane {

    private final OutputModel model;
    private final OutputPane console;
    private final ListView<OutputLine> list = new ListView<>();
    private final OutputToolbar toolbar;
    private final TailFollower follower;

    public OutputPaneView() {
        this(OutputModel.DEFAULT_MAX_LINES);
    }

    public OutputPaneView(int maxLines) {
        this.model = new OutputModel(maxLines);
        LineInbox inbox = new LineInbox(maxLines);
        this.follower = new TailFollower(list, model.followProperty());
        PulseDrain drain = new PulseDrain(model, inbox, follower::linesAdded);
        this.console = new OutputPane(inbox, drain.wakeUp());
        this.toolbar = new OutputToolbar(model);
        getStyleClass().add("output-console");
        getStylesheets()
                .add(OutputPaneView.class.getResource("/styles/console.css").toExternalForm());
        configureList();
        setTop(toolbar);
        setCenter(list);
        wireActions();
    }

    /** The thread-safe entry point: append lines, mark steps, clear. */
    public OutputPane console() {
        return console;
    }

    /** The view model, for bindings (follow, host filter, query, counts); use it on the FX thread only. */
    public OutputModel model() {
        return model;
    }

    private void configureList() {
        list.getStyleClass().add("console-lines");
        list.setId("outputConsoleLines");
        list.setItems(model.shownLines());
        list.setCellFactory(view -> new OutputLineCell(model));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setAccessibleText("Step output");
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setPlaceholder(new Label("No output yet"));
        // a row's text depends on the host column and the query: redraw the visible rows when they change
        model.hostColumnWidthProperty().addListener((observable, was, width) -> list.refresh());
        model.queryProperty().addListener((observable, was, query) -> list.refresh());
    }

    private void wireActions() {
        toolbar.nextButton.setOnAction(event -> find(from -> model.findNext(from)));
        toolbar.previousButton.setOnAction(event -> find(from -> model.findPrevious(from)));
        toolbar.copyButton.setOnAction(event -> copySelection());
        toolbar.copyButton
                .disableProperty()
                .bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        toolbar.clearButton.setOnAction(event -> console.clear());
        toolbar.searchField.setOnKeyPressed(this::onSearchKey);
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(event)) {
                copySelection();
                event.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onConsoleKey);
    }

    private void onConsoleKey(KeyEvent event) {
        if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
            toolbar.searchField.requestFocus();
            toolbar.searchField.selectAll();
            event.consume();
        } else if (event.getCode() == KeyCode.F3) {
            find(event.isShiftDown() ? model::findPrevious : model::findNext);
            event.consume();
        }
    }

    private void onSearchKey(KeyEvent event) {
        // Ctrl/Cmd+Enter is the wizard's "do the current step" and must pass through, wherever the focus is
        boolean shortcut = event.isShortcutDown() || event.isControlDown() || event.isMetaDown();
        if (event.getCode() == KeyCode.ENTER && !shortcut) {
            find(event.isShiftDown() ? model::findPrevious : model::findNext);
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            model.queryProperty().set("");
            list.requestFocus();
            event.consume();
        }
    }

    /** Selects the match next to the focused row and stops following, so the match stays in view. */
    private void find(IntFunction<OptionalInt> search) {
        int focused = list.getFocusModel().getFocusedIndex();
        OptionalInt match =
                search.apply(focused >= 0 ? focused : list.getItems().size() - 1);
        match.ifPresent(index -> {
            model.followProperty().set(false);
            list.getSelectionModel().clearAndSelect(index);
            list.getFocusModel().focus(index);
            list.scrollTo(Math.max(0, index - 3));
        });
    }

    private void copySelection() {
        List<OutputLine> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        List<OutputLine> inOrder = selected.stream()
                .sorted(Comparator.comparingLong(OutputLine::number))
                .toList();
        ClipboardContent content = new ClipboardContent();
        content.putString(model.copyText(inOrder));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
