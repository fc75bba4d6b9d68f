package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.List;
import javafx.scene.control.TextArea;

/** Reference: lines queued and appended to a TextArea as one string per pulse; no cap, no budget. */
final class TextAreaPerPulse extends ReferenceConsole.DrainedPerPulse {

    private final TextArea area;
    private volatile String lastAppended;

    TextAreaPerPulse() {
        this(new TextArea());
    }

    private TextAreaPerPulse(TextArea area) {
        super("TextArea, queue drained once per pulse", Role.REFERENCE, area);
        this.area = area;
        area.setEditable(false);
    }

    @Override
    void show(List<String> batch) {
        area.appendText(String.join("\n", batch) + "\n");
        area.setScrollTop(Double.MAX_VALUE);
        String last = batch.get(batch.size() - 1);
        lastAppended = last.substring(last.indexOf(" | ") + 3);
    }

    @Override
    public boolean showsLast(String text) {
        return text.equals(lastAppended);
    }
}
