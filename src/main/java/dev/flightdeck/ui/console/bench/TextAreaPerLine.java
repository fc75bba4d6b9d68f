package dev.flightdeck.ui.console.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TextArea;

/** The naive reference: one {@code runLater} and one {@code appendText} per line. It never catches up. */
final class TextAreaPerLine implements ConsoleUnderTest {

    private final TextArea area = new TextArea();
    private volatile boolean cancelled;
    private volatile long shown;
    private volatile String lastAppended;

    TextAreaPerLine() {
        area.setEditable(false);
    }

    @Override
    public String name() {
        return "TextArea, runLater + appendText per line";
    }

    @Override
    public Role role() {
        return Role.REFERENCE;
    }

    @Override
    public Parent view() {
        return area;
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        Platform.runLater(() -> {
            if (!cancelled) {
                area.appendText(host + " | " + text + "\n");
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
    public long linesShown() {
        return shown;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
