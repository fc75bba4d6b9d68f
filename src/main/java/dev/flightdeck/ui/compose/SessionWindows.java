package dev.flightdeck.ui.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The session windows the console opened and that are still showing (FX thread only). Closing the console closes
 * them too; when a session in one of them is still open, the operator is asked once, with every such session's state.
 */
public final class SessionWindows {

    private final List<SessionWindow> showing = new ArrayList<>();
    private Window console;

    /** The console's window: session windows open over it, at its size, then maximised. */
    public void over(Window consoleWindow) {
        this.console = consoleWindow;
    }

    /** Puts a session's window where the console is, as large: what it shows where maximising is not possible. */
    void place(Stage stage) {
        if (console != null && console.getWidth() > 0) {
            stage.setX(console.getX());
            stage.setY(console.getY());
            stage.setWidth(console.getWidth());
            stage.setHeight(console.getHeight());
        }
        stage.setMaximized(true);
    }

    void opened(SessionWindow window) {
        if (!showing.contains(window)) {
            showing.add(window);
        }
    }

    void closed(SessionWindow window) {
        showing.remove(window);
    }

    public int count() {
        return showing.size();
    }

    /**
     * Closes every session window, asking first when a session is still open in one of them.
     *
     * @return false when the operator chose to keep working (nothing was closed)
     */
    public boolean closeAll(Window owner) {
        List<SessionWindow> windows = List.copyOf(showing);
        List<String> open = windows.stream()
                .flatMap(window ->
                        window
                                .openState()
                                .map(state -> window.title().replaceFirst("^Flightdeck — ", "") + ": " + state)
                                .stream())
                .toList();
        if (!open.isEmpty()) {
            boolean rehearsalsOnly = windows.stream()
                    .filter(window -> window.openState().isPresent())
                    .allMatch(SessionWindow::rehearsal);
            String header = (open.size() == 1 ? "A session is still open" : open.size() + " sessions are still open")
                    + " in " + (windows.size() == 1 ? "its window" : "their windows") + ":\n"
                    + open.stream().map(line -> "• " + line).collect(Collectors.joining("\n"));
            if (!CloseQuestion.ask(
                    owner,
                    "Quit Flightdeck?",
                    header,
                    "Quitting closes " + (windows.size() == 1 ? "that window" : "every session window") + ". "
                            + CloseQuestion.consequence(rehearsalsOnly),
                    "Close them and quit")) {
                return false;
            }
        }
        windows.forEach(window -> window.closeAnyway(window.openState()));
        return true;
    }
}
