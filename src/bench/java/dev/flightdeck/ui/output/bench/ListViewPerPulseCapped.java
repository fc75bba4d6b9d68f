package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;

/** Reference: a ListView of strings fed everything queued once per pulse, capped at 50,000 rows; no time budget. */
final class ListViewPerPulseCapped extends ReferenceConsole.DrainedPerPulse {

    private static final int CAP = 50_000;

    private final ListView<String> list;

    ListViewPerPulseCapped() {
        this(new ListView<>());
    }

    private ListViewPerPulseCapped(ListView<String> list) {
        super("ListView, queue drained per pulse, 50k cap", Role.REFERENCE, list);
        this.list = list;
    }

    @Override
    void show(List<String> batch) {
        ObservableList<String> items = list.getItems();
        items.addAll(batch);
        if (items.size() > CAP) {
            items.remove(0, items.size() - CAP);
        }
        list.scrollTo(items.size() - 1);
    }

    @Override
    public boolean showsLast(String text) {
        return showsLast(list, text);
    }
}
