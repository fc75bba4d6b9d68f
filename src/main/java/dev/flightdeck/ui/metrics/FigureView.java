package dev.flightdeck.ui.metrics;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A current value, large, coloured by state ({@code :ok}, {@code :warning}, {@code :firing}, {@code :unknown}).
 *
 * <p>At 200 series about 120 figures change their number every second. A label whose text changes asks its parents
 * to lay out again, up to the panel, and every other tile is measured again with it. So a tile keeps the widest width
 * it has needed, plus one digit of the value's font: a new number that fits is laid out inside this tile alone, and
 * only a number wider than any before moves the tiles around it (once, then the tile keeps that width).
 */
final class FigureView extends VBox {

    private static final FigureState[] STATES = FigureState.values();
    private static final PseudoClass[] STATE_CLASSES = new PseudoClass[STATES.length];

    static {
        for (FigureState state : STATES) {
            STATE_CLASSES[state.ordinal()] = PseudoClass.getPseudoClass(state.cssName());
        }
    }

    private final Label label = new Label();
    /**
     * The number: a plain {@code Text}, not a {@code Label}, because a label's new text also rebuilds its skin's
     * children and measures itself again for an ellipsis; a {@code Text} only lays out its glyphs. It is never cut:
     * the tile is at least as wide as it.
     */
    private final Text value = new Text();

    private final Tooltip detail = new Tooltip();
    /** the newest detail; written into the tooltip when it shows and while it shows, as nobody reads it otherwise */
    private String detailText = "";

    private FigureState shownState;
    /** the widest this tile has needed, plus slack for one more digit; never shrinks while the font stays */
    private double reservedWidth;

    /** the height last handed to the layout: a new text that keeps it needs no layout above this tile */
    private double laidOutHeight = -1;

    /** the texts last found to fit the reserved width */
    private String fittingValue;

    private String fittingLabel;

    private Font fittingLabelFont;

    private Font slackFont;
    private double slack;

    FigureView() {
        getStyleClass().add("metric-figure");
        label.getStyleClass().add("metric-figure-label");
        value.getStyleClass().add("metric-figure-value");
        label.setMinWidth(0);
        setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(value, label);
        detail.setOnShowing(event -> detail.setText(detailText));
        Tooltip.install(this, detail);
    }

    void show(Figure figure) {
        boolean textChanged =
                !figure.value().equals(value.getText()) || !figure.label().equals(label.getText());
        // a Labeled ignores an equal text, but the accessible text would be built anew every second
        if (textChanged || figure.state() != shownState) {
            value.setText(figure.value());
            label.setText(figure.label());
            // whether a text node's new width reaches its parent's layout is not this class's to rely on
            requestLayout();
            setAccessibleText(figure.label() + ": " + figure.value() + ", "
                    + figure.state().cssName());
        }
        if (!Objects.equals(detailText, figure.detail())) {
            detailText = figure.detail();
            // an empty tooltip would not show at all, so it gets the first detail at once
            if (detail.isShowing() || detail.getText().isEmpty()) {
                detail.setText(detailText);
            }
        }
        if (figure.state() != shownState) {
            for (FigureState state : STATES) {
                pseudoClassStateChanged(STATE_CLASSES[state.ordinal()], state == figure.state());
            }
            shownState = figure.state();
        }
    }

    /**
     * A child's new text asks for layout here. When the tile's text still fits its reserved width and its height is
     * unchanged, only this tile is laid out ({@code setNeedsLayout} marks the parents as a dirty branch, which does
     * not measure their other children again); otherwise the request goes up as usual. One new text asks more than
     * once ({@link #show} itself, the caption's metrics, then its skin's children), so the texts found to fit are
     * remembered and measured once.
     */
    @Override
    public void requestLayout() {
        if (getScene() != null && reservedWidth > 0 && value.getFont() == slackFont && fits()) {
            setNeedsLayout(true);
            return;
        }
        fittingValue = null;
        super.requestLayout();
    }

    private boolean fits() {
        if (value.getText().equals(fittingValue)
                && label.getText().equals(fittingLabel)
                && label.getFont() == fittingLabelFont) {
            return true;
        }
        if (neededWidth() <= reservedWidth && super.computePrefHeight(-1) == laidOutHeight) {
            fittingValue = value.getText();
            fittingLabel = label.getText();
            fittingLabelFont = label.getFont();
            return true;
        }
        return false;
    }

    @Override
    protected double computePrefWidth(double height) {
        double needed = neededWidth();
        if (needed > reservedWidth || value.getFont() != slackFont) {
            reservedWidth = needed + digitWidth();
        }
        return reservedWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = super.computePrefHeight(width);
        if (width == -1) {
            laidOutHeight = height;
        }
        return height;
    }

    private double neededWidth() {
        return super.computePrefWidth(-1);
    }

    /** One digit of the value's font: the slack for a number that gains a digit (9.9% to 10.0%). */
    private double digitWidth() {
        Font font = value.getFont();
        if (font != slackFont) {
            Text digit = new Text("0");
            digit.setFont(font);
            slack = Math.ceil(digit.getLayoutBounds().getWidth());
            slackFont = font;
        }
        return slack;
    }

    String valueText() {
        return value.getText();
    }
}
