package dev.flightdeck.ui.console.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.ListView;

/** Reference: a ListView of strings fed everything queued once per pulse, capped at 50,000 rows; no time budget. */
final class ListViewPerPulseCapped implements ConsoleUnderTest {

    private static final int CAP = 50_000;

    private final ListView<String> list = new ListView<>();
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AnimationTimer drain;
    private volatile long shown;

    ListViewPerPulseCapped() {
        drain = new AnimationTimer() {
            @Override
            public void handle(long now) {
                appendWaiting();
            }
        };
        drain.start();
    }

    private void appendWaiting() {
        List<String> batch = new ArrayList<>();
        for (String line = queue.poll(); line != null; line = queue.poll()) {
            batch.add(line);
        }
        if (batch.isEmpty()) {
            return;
        }
        ObservableList<String> items = list.getItems();
        items.addAll(batch);
        if (items.size() > CAP) {
            items.remove(0, items.size() - CAP);
        }
        list.scrollTo(items.size() - 1);
        shown += batch.size();
    }

    @Override
    public String name() {
        return "ListView, queue drained per pulse, 50k cap";
    }

    @Override
    public Role role() {
        return Role.REFERENCE;
    }

    @Override
    public Parent view() {
        return list;
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        queue.add(host + " | " + text);
    }

    @Override
    public boolean showsLast(String text) {
        List<String> items = list.getItems();
        return !items.isEmpty() && items.get(items.size() - 1).endsWith(text) && ListTail.showsLastRow(list);
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
