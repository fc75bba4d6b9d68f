package dev.flightdeck.ui.metrics;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** A current value, large, coloured by state ({@code :ok}, {@code :warning}, {@code :firing}, {@code :unknown}). */
final class FigureView extends VBox {

    private static final FigureState[] STATES = FigureState.values();

    private final Label label = new Label();
    private final Label value = new Label();
    private final Tooltip detail = new Tooltip();

    FigureView() {
        getStyleClass().add("metric-figure");
        label.getStyleClass().add("metric-figure-label");
        value.getStyleClass().add("metric-figure-value");
        label.setMinWidth(0);
        getChildren().addAll(value, label);
        Tooltip.install(this, detail);
    }

    void show(Figure figure) {
        value.setText(figure.value());
        label.setText(figure.label());
        detail.setText(figure.detail());
        setAccessibleText(
                figure.label() + ": " + figure.value() + ", " + figure.state().cssName());
        for (FigureState state : STATES) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(state.cssName()), state == figure.state());
        }
    }

    String valueText() {
        return value.getText();
    }
}
