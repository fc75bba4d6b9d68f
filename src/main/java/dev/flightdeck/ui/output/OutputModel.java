package dev.flightdeck.ui.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the console shows, owned by the FX thread and free of controls: the kept lines (capped, oldest dropped
 * behind a marker), the lines passing the host filter, the hosts seen, the search and whether to follow the tail.
 * Each drain changes the shown list at most three times (trim, append, marker), whatever the number of lines.
 */
public final class OutputModel {

    public static final int DEFAULT_MAX_LINES = 50_000;

    /** A drain's result: how many lines it took from the inbox and whether more are waiting. */
    record Pumped(int taken, boolean more) {}

    private final int maxLines;
    private final ArrayDeque<OutputLine> kept = new ArrayDeque<>();
    private final ObservableList<OutputLine> shown = FXCollections.observableArrayList();
    private final ObservableList<OutputLine> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final HostRegistry hosts = new HostRegistry();
    private final ObjectProperty<String> hostFilter = new SimpleObjectProperty<>(this, "hostFilter");
    private final ReadOnlyLongWrapper droppedLines = new ReadOnlyLongWrapper(this, "droppedLines");
    private final ReadOnlyIntegerWrapper keptLines = new ReadOnlyIntegerWrapper(this, "keptLines");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
    private long receivedLines;

    public OutputModel(int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("the console must keep at least one line, was " + maxLines);
        }
        this.maxLines = maxLines;
        hostFilter.addListener((observable, was, now) -> rebuildShown());
        query.addListener((observable, was, now) -> matchCount.set(LineSearch.count(shown, now)));
    }

    public int maxLines() {
        return maxLines;
    }

    /** The rows of the list view: the dropped-lines marker first when lines were dropped, then the filtered lines. */
    public ObservableList<OutputLine> shownLines() {
        return readOnlyShown;
    }

    /** Every host that wrote since the last clear, sorted; the choices of the host filter. */
    public ObservableList<String> hosts() {
        return hosts.names();
    }

    /** Width of the host column: 0 while at most one host writes (no prefix needed), else the longest host name. */
    public ReadOnlyIntegerProperty hostColumnWidthProperty() {
        return hosts.columnWidthProperty();
    }

    /** The one host to show, or null for all hosts. */
    public ObjectProperty<String> hostFilterProperty() {
        return hostFilter;
    }

    public ReadOnlyLongProperty droppedLinesProperty() {
        return droppedLines.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty keptLinesProperty() {
        return keptLines.getReadOnlyProperty();
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** How many shown lines match the query; kept up to date as lines arrive and leave. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** Every line that reached the console since the last clear, shown or dropped: nothing goes missing uncounted. */
    public long receivedLines() {
        return receivedLines;
    }

    public boolean matches(OutputLine line) {
        return LineSearch.matches(line, query.get());
    }

    public OptionalInt findNext(int fromIndex) {
        return LineSearch.next(shown, query.get(), fromIndex);
    }

    public OptionalInt findPrevious(int fromIndex) {
        return LineSearch.previous(shown, query.get(), fromIndex);
    }

    /** The given lines as the operator sees them, one per line, ready for the clipboard. */
    public String copyText(List<OutputLine> lines) {
        int width = hosts.columnWidthProperty().get();
        StringBuilder text = new StringBuilder();
        for (OutputLine line : lines) {
            text.append(line.displayText(width)).append('\n');
        }
        return text.toString();
    }

    /** Takes waiting lines in chunks until the inbox is empty or the frame's time budget is spent. */
    Pumped pump(LineInbox inbox, int chunkLines, long budgetNanos) {
        long start = System.nanoTime();
        int taken = 0;
        LineInbox.Drained drained;
        do {
            drained = inbox.drain(chunkLines);
            apply(drained);
            taken += drained.lines().size();
        } while (drained.more() && System.nanoTime() - start < budgetNanos);
        return new Pumped(taken, drained.more());
    }

    void apply(LineInbox.Drained drained) {
        if (drained.cleared()) {
            reset();
        }
        List<OutputLine> visible = new ArrayList<>(drained.lines().size());
        for (OutputLine line : drained.lines()) {
            hosts.note(line);
            kept.addLast(line);
            if (passesFilter(line)) {
                visible.add(line);
            }
        }
        long trimmed = 0;
        long lastTrimmedNumber = 0;
        while (kept.size() > maxLines) {
            lastTrimmedNumber = kept.pollFirst().number();
            trimmed++;
        }
        if (trimmed > 0) {
            removeShownUpTo(lastTrimmedNumber);
            visible = newerThan(visible, lastTrimmedNumber);
        }
        matchCount.set(matchCount.get() + LineSearch.count(visible, query.get()));
        shown.addAll(visible);
        addDropped(drained.overflowed() + trimmed);
        receivedLines += drained.overflowed() + drained.lines().size();
        keptLines.set(kept.size());
    }

    private void reset() {
        kept.clear();
        shown.clear();
        hosts.clear();
        droppedLines.set(0);
        matchCount.set(0);
        keptLines.set(0);
        receivedLines = 0;
    }

    private boolean passesFilter(OutputLine line) {
        String host = hostFilter.get();
        return host == null || line.kind().belongsToEveryHost() || host.equals(line.host());
    }

    private int markerRows() {
        return !shown.isEmpty() && shown.get(0).kind() == LineKind.DROPPED ? 1 : 0;
    }

    private void removeShownUpTo(long number) {
        int from = markerRows();
        int to = from;
        while (to < shown.size() && shown.get(to).number() <= number) {
            to++;
        }
        if (to > from) {
            matchCount.set(matchCount.get() - LineSearch.count(shown.subList(from, to), query.get()));
            shown.remove(from, to);
        }
    }

    private static List<OutputLine> newerThan(List<OutputLine> lines, long number) {
        int first = 0;
        while (first < lines.size() && lines.get(first).number() <= number) {
            first++;
        }
        return first == 0 ? lines : lines.subList(first, lines.size());
    }

    private void addDropped(long count) {
        if (count == 0) {
            return;
        }
        droppedLines.set(droppedLines.get() + count);
        OutputLine marker = marker();
        if (markerRows() == 1) {
            shown.set(0, marker);
        } else {
            shown.add(0, marker);
        }
    }

    private OutputLine marker() {
        return new OutputLine(0, LineKind.DROPPED, "", StepSeparator.dropped(droppedLines.get()));
    }

    private void rebuildShown() {
        List<OutputLine> rows = new ArrayList<>(kept.size() + 1);
        if (droppedLines.get() > 0) {
            rows.add(marker());
        }
        for (OutputLine line : kept) {
            if (passesFilter(line)) {
                rows.add(line);
            }
        }
        shown.setAll(rows);
        matchCount.set(LineSearch.count(shown, query.get()));
    }
}
