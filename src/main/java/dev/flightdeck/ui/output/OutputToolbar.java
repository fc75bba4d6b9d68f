package dev.flightdeck.ui.output;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The console's controls: host filter, search, follow, copy and clear; each bound to the model, none owning state. */
final class OutputToolbar extends HBox {

    /** Stands for "all hosts" in the host choice; real host names are never empty. */
    private static final String ALL_HOSTS = "";

    final ComboBox<String> hostChoice = new ComboBox<>();
    final TextField searchField = new TextField();
    final Button previousButton = new Button("↑");
    final Button nextButton = new Button("↓");
    final ToggleButton followToggle = new ToggleButton("Follow");
    final Button copyButton = new Button("Copy");
    final Button clearButton = new Button("Clear");
    private final Label matchLabel = new Label();
    private final Label countLabel = new Label();

    OutputToolbar(OutputModel model) {
        getStyleClass().add("console-toolbar");
        configureHostChoice(model);
        configureSearch(model);
        followToggle.selectedProperty().bindBidirectional(model.followProperty());
        describe(followToggle, "Follow the newest output", "Follow the newest output (End)");
        describe(copyButton, "Copy the selected lines", "Copy the selected lines (Ctrl+C)");
        describe(clearButton, "Clear the console", "Clear the console (the journal keeps the output)");
        countLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> countText(model), model.keptLinesProperty(), model.droppedLinesProperty()));
        countLabel.getStyleClass().addAll(Styles.TEXT_MUTED, "console-count");
        matchLabel.getStyleClass().addAll(Styles.TEXT_MUTED, "console-matches");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren()
                .addAll(
                        hostChoice,
                        searchField,
                        previousButton,
                        nextButton,
                        matchLabel,
                        spacer,
                        countLabel,
                        followToggle,
                        copyButton,
                        clearButton);
        getChildren().stream()
                .filter(node -> node != spacer)
                .forEach(node -> node.getStyleClass().add(Styles.SMALL));
    }

    private void configureHostChoice(OutputModel model) {
        ObservableList<String> choices = FXCollections.observableArrayList(ALL_HOSTS);
        model.hosts().addListener((ListChangeListener<String>) change -> {
            String chosen = hostChoice.getValue();
            choices.setAll(ALL_HOSTS);
            choices.addAll(model.hosts());
            hostChoice.setValue(choices.contains(chosen) ? chosen : ALL_HOSTS);
        });
        hostChoice.setItems(choices);
        hostChoice.setValue(ALL_HOSTS);
        hostChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String host) {
                return host == null || host.isEmpty() ? "All hosts" : host;
            }

            @Override
            public String fromString(String text) {
                return "All hosts".equals(text) ? ALL_HOSTS : text;
            }
        });
        hostChoice
                .valueProperty()
                .addListener((observable, was, host) ->
                        model.hostFilterProperty().set(host == null || host.isEmpty() ? null : host));
        hostChoice.disableProperty().bind(Bindings.size(model.hosts()).lessThan(2));
        describe(hostChoice, "Show output of", "Show the output of all hosts or of one host");
    }

    private void configureSearch(OutputModel model) {
        searchField.setPromptText("Find (Ctrl+F)");
        searchField.setPrefColumnCount(18);
        searchField.textProperty().bindBidirectional(model.queryProperty());
        describe(
                searchField,
                "Find in output",
                "Find in the output: Enter for the next match, Shift+Enter for the previous");
        describe(previousButton, "Previous match", "Previous match (Shift+F3)");
        describe(nextButton, "Next match", "Next match (F3)");
        previousButton.disableProperty().bind(model.matchCountProperty().isEqualTo(0));
        nextButton.disableProperty().bind(model.matchCountProperty().isEqualTo(0));
        matchLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.queryProperty().get().isEmpty()
                                ? ""
                                : matches(model.matchCountProperty().get()),
                        model.queryProperty(),
                        model.matchCountProperty()));
    }

    private static String matches(int count) {
        return count == 0 ? "no matches" : count == 1 ? "1 match" : String.format("%,d matches", count);
    }

    private static String countText(OutputModel model) {
        String kept = String.format("%,d lines", model.keptLinesProperty().get());
        long dropped = model.droppedLinesProperty().get();
        return dropped == 0 ? kept : kept + String.format(" (%,d dropped)", dropped);
    }

    private static void describe(Control control, String accessibleText, String tooltip) {
        control.setAccessibleText(accessibleText);
        control.setTooltip(new Tooltip(tooltip));
    }
}
