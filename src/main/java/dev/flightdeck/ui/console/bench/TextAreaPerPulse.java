package dev.flightdeck.ui.console.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.control.TextArea;

/** Reference: lines queued and appended to a TextArea as one string per pulse; no cap, no budget. */
final class TextAreaPerPulse implements ConsoleUnderTest {

    private final TextArea area = new TextArea();
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AnimationTimer drain;
    private volatile long shown;
    private volatile String lastAppended;

    TextAreaPerPulse() {
        area.setEditable(false);
        drain = new AnimationTimer() {
            @Override
            public void handle(long now) {
                appendWaiting();
            }
        };
        drain.start();
    }

    private void appendWaiting() {
        StringBuilder batch = new StringBuilder();
        String last = null;
        long count = 0;
        for (String line = queue.poll(); line != null; line = queue.poll()) {
            batch.append(line).append('\n');
            last = line;
            count++;
        }
        if (count > 0) {
            area.appendText(batch.toString());
            area.setScrollTop(Double.MAX_VALUE);
            shown += count;
            lastAppended = last.substring(last.indexOf(" | ") + 3);
        }
    }

    @Override
    public String name() {
        return "TextArea, queue drained once per pulse";
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
        queue.add(host + " | " + text);
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
        drain.stop();
        queue.clear();
    }
}
