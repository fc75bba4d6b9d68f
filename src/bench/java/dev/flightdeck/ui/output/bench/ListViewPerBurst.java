package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ListView;

/**
 * The reference for the ratios: the usual first fix, a ListView of strings fed one {@code runLater} per burst of
 * lines, scrolled to the end each time; default cells, no cap, no budget.
 */
final class ListViewPerBurst extends ReferenceConsole {

    private final ListView<String> list;
    private List<String> burst = new ArrayList<>();
    private volatile boolean cancelled;

    ListViewPerBurst() {
        this(new ListView<>());
    }

    private ListViewPerBurst(ListView<String> list) {
        super("ListView, runLater per batch", Role.RATIO_BASE, list);
        this.list = list;
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        burst.add(line(host, text));
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
        return showsLast(list, text);
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
