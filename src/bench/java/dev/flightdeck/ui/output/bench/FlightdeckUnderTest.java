package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import dev.flightdeck.session.OutputSink.Stream;
import dev.flightdeck.ui.output.OutputLine;
import dev.flightdeck.ui.output.OutputPane;
import dev.flightdeck.ui.output.OutputPaneView;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.ListView;

/** Flightdeck's console, fed through its thread-safe entry point exactly as the session engine feeds it. */
final class FlightdeckUnderTest implements ConsoleUnderTest {

    private final OutputPaneView view = new OutputPaneView();
    private final OutputPane console = view.console();
    private volatile long lastShownNumber;

    @Override
    public String name() {
        return "Flightdeck console (budgeted drain, 50k cap)";
    }

    @Override
    public Role role() {
        return Role.FLIGHTDECK;
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void push(String host, boolean stderr, String text) {
        console.append(host, stderr ? Stream.STDERR : Stream.STDOUT, text);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean showsLast(String text) {
        List<OutputLine> shown = view.model().shownLines();
        if (shown.isEmpty()) {
            return false;
        }
        OutputLine last = shown.get(shown.size() - 1);
        lastShownNumber = view.model().receivedLines();
        return last.text().equals(text)
                && ListTail.showsLastRow((ListView<OutputLine>) view.lookup("#outputConsoleLines"));
    }

    @Override
    public long linesShown() {
        return lastShownNumber;
    }
}
