package dev.flightdeck.ui.output;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The hosts that wrote to the console. Looked up for every line, so the common case (a host already seen) is one
 * hash lookup; the observable list changes only when a new host appears.
 */
final class HostRegistry {

    private final Set<String> seen = new HashSet<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyNames = FXCollections.unmodifiableObservableList(names);
    private final ReadOnlyIntegerWrapper columnWidth = new ReadOnlyIntegerWrapper(this, "columnWidth");

    void note(OutputLine line) {
        if (line.kind().belongsToEveryHost() || line.host().isEmpty() || !seen.add(line.host())) {
            return;
        }
        int position = 0;
        while (position < names.size() && names.get(position).compareTo(line.host()) < 0) {
            position++;
        }
        names.add(position, line.host());
        columnWidth.set(names.size() < 2 ? 0 : Math.max(columnWidth.get(), longestName()));
    }

    void clear() {
        seen.clear();
        names.clear();
        columnWidth.set(0);
    }

    ObservableList<String> names() {
        return readOnlyNames;
    }

    ReadOnlyIntegerProperty columnWidthProperty() {
        return columnWidth.getReadOnlyProperty();
    }

    private int longestName() {
        return names.stream().mapToInt(String::length).max().orElse(0);
    }
}
