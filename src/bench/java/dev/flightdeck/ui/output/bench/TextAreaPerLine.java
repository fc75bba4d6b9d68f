package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import javafx.application.Platform;
import javafx.scene.control.TextArea;

/** The naive reference: one {@code runLater} and one {@code appendText} per line. It never catches up. */
final class TextAreaPerLine extends ReferenceConsole {

    private final TextArea area;
    private volatile boolean cancelled;
    private volatile String lastAppended;

    TextAreaPerLine() {
        this(new TextArea());
    }

    private TextAreaPerLine(TextArea area) {
        super("TextArea, runLater + appendText per line", Role.REFERENCE, area);
        this.area = area;
        area.setEditable(false);
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        Platform.runLater(() -> {
            if (!cancelled) {
                area.appendText(line(host, text) + "\n");
                lastAppended = text;
                shown++;
            }
        });
    }

    @Override
    public boolean showsLast(String text) {
        return text.equals(lastAppended);
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
