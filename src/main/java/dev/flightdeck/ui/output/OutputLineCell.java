package dev.flightdeck.ui.output;

import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/**
 * One row of the console: plain text with pseudo-classes for the stream and kind, so a row costs one label and
 * the look lives in console.css. Accessible text says what colour alone would not (standard error, host).
 */
final class OutputLineCell extends ListCell<OutputLine> {

    private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");
    private static final PseudoClass STEP = PseudoClass.getPseudoClass("step");
    private static final PseudoClass DROPPED = PseudoClass.getPseudoClass("dropped");
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");

    private final OutputModel model;

    OutputLineCell(OutputModel model) {
        this.model = model;
        getStyleClass().add("console-line");
    }

    @Override
    protected void updateItem(OutputLine line, boolean empty) {
        super.updateItem(line, empty);
        boolean present = !empty && line != null;
        setText(present ? line.displayText(model.hostColumnWidthProperty().get()) : null);
        pseudoClassStateChanged(STDERR, present && line.kind() == LineKind.STDERR);
        pseudoClassStateChanged(STEP, present && line.kind() == LineKind.STEP);
        pseudoClassStateChanged(DROPPED, present && line.kind() == LineKind.DROPPED);
        pseudoClassStateChanged(MATCH, present && model.matches(line));
        setAccessibleText(present ? spoken(line) : null);
    }

    private static String spoken(OutputLine line) {
        return switch (line.kind()) {
            case STDOUT -> line.host().isEmpty() ? line.text() : line.host() + ": " + line.text();
            case STDERR -> "error output" + (line.host().isEmpty() ? "" : " from " + line.host()) + ": " + line.text();
            case STEP, DROPPED -> line.text();
        };
    }
}
