package dev.flightdeck.ui.metrics;

import atlantafx.base.controls.ToggleSwitch;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the panel's view model to {@code metrics_panel.fxml}: header, banner, empty state, one view per family. */
public final class MetricsPanelController {

    private final MetricsPanelViewModel panel;
    private final ChartPalette palette;
    private final Map<SignalFamily, FamilyView> families = new EnumMap<>(SignalFamily.class);

    @FXML
    private StackPane root;

    @FXML
    private VBox expanded;

    @FXML
    private VBox collapsedStrip;

    @FXML
    private HBox rangeButtons;

    @FXML
    private ToggleSwitch soundSwitch;

    @FXML
    private Button collapseButton;

    @FXML
    private Label overallState;

    @FXML
    private Label collapsedState;

    @FXML
    private VBox bannerHost;

    @FXML
    private Label emptyState;

    @FXML
    private Label problems;

    @FXML
    private VBox familiesBox;

    public MetricsPanelController(MetricsPanelViewModel panel, ChartPalette palette) {
        this.panel = panel;
        this.palette = palette;
    }

    @FXML
    private void initialize() {
        palette.attachTo(root, () -> families.values().forEach(FamilyView::repaint));
        installRangeButtons();
        soundSwitch.selectedProperty().bindBidirectional(panel.soundOnProperty());
        bannerHost.getChildren().setAll(new AlarmBanner(panel));
        expanded.visibleProperty().bind(panel.collapsedProperty().not());
        expanded.managedProperty().bind(expanded.visibleProperty());
        collapsedStrip.visibleProperty().bind(panel.collapsedProperty());
        collapsedStrip.managedProperty().bind(collapsedStrip.visibleProperty());
        // a running countdown stays in sight: the panel cannot be folded away under it
        collapseButton
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> panel.bannerProperty().get().kind() == Banner.Kind.COUNTDOWN, panel.bannerProperty()));
        panel.frameProperty().addListener((observable, was, frame) -> show(frame));
        showWaiting();
    }

    private void installRangeButtons() {
        ToggleGroup group = new ToggleGroup();
        ChartRange[] ranges = ChartRange.values();
        for (int index = 0; index < ranges.length; index++) {
            ChartRange range = ranges[index];
            ToggleButton button = new ToggleButton(range.label());
            button.setId("range-" + range.label().toLowerCase(Locale.ROOT));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setAccessibleText(
                    "Show " + (range == ChartRange.WHOLE_WINDOW ? "the whole window" : "the last " + range.label()));
            button.getStyleClass()
                    .addAll(
                            "small",
                            index == 0 ? "left-pill" : index == ranges.length - 1 ? "right-pill" : "center-pill");
            button.setToggleGroup(group);
            button.setSelected(range == panel.rangeProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                panel.rangeProperty().set(range);
            });
            rangeButtons.getChildren().add(button);
        }
    }

    private void showWaiting() {
        emptyState.setText("Waiting for the first readings…");
        emptyState.setVisible(true);
        emptyState.setManaged(true);
    }

    private void show(PanelFrame frame) {
        boolean empty = frame.families().isEmpty();
        emptyState.setText(
                frame.noInstruments()
                        ? "No instruments in this inventory.\nAdd a health or Prometheus endpoint to see live figures and charts here."
                        : "Waiting for the first readings…");
        emptyState.setVisible(empty);
        emptyState.setManaged(empty);
        problems.setText(String.join("\n", frame.sourceProblems()));
        problems.setVisible(!frame.sourceProblems().isEmpty());
        problems.setManaged(problems.isVisible());
        showState(frame.worstState());
        List<FamilyView> shown = frame.families().stream()
                .map(family -> {
                    FamilyView view = families.computeIfAbsent(
                            family.family(), key -> new FamilyView(key, palette, panel::chartWidthChanged));
                    view.show(family);
                    return view;
                })
                .toList();
        // re-adding the same views would re-apply CSS to the whole panel every second
        if (!familiesBox.getChildren().equals(shown)) {
            familiesBox.getChildren().setAll(shown);
        }
    }

    private void showState(FigureState state) {
        String text = switch (state) {
            case FIRING -> "firing";
            case WARNING -> "warning";
            case OK -> "ok";
            case UNKNOWN -> "no data";
            case NEUTRAL -> "";
        };
        for (Label chip : new Label[] {overallState, collapsedState}) {
            chip.setText(text);
            chip.setVisible(!text.isEmpty());
            for (FigureState candidate : FigureState.values()) {
                chip.pseudoClassStateChanged(PseudoClass.getPseudoClass(candidate.cssName()), candidate == state);
            }
        }
    }

    @FXML
    private void collapse() {
        panel.collapsedProperty().set(true);
    }

    @FXML
    private void expand() {
        panel.collapsedProperty().set(false);
    }

    /** The view of one family, for tests and the bench. */
    FamilyView family(SignalFamily family) {
        return families.get(family);
    }
}
