package dev.flightdeck.ui.console.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.ListView;

/**
 * The reference for the ratios: the usual first fix, a ListView of strings fed one {@code runLater} per burst of
 * lines, scrolled to the end each time; default cells, no cap, no budget.
 */
final class ListViewPerBurst implements ConsoleUnderTest {

    private final ListView<String> list = new ListView<>();
    private List<String> burst = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile long shown;

    @Override
    public String name() {
        return "ListView, runLater per batch";
    }

    @Override
    public Role role() {
        return Role.RATIO_BASE;
    }

    @Override
    public Parent view() {
        return list;
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        burst.add(host + " | " + text);
    }

    @Override
    public void endOfBurst() {
        List<String> lines = burst;
        burst = new ArrayList<>();
        Platform.runLater(() -> {
            if (!cancelled && !lines.isEmpty()) {
                list.getItems().addAll(lines);
                list.scrollTo(list.getItems().size() - 1);
                shown = list.getItems().size();
            }
        });
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
        cancelled = true;
    }
}
