package dev.flightdeck.ui.main;

import dev.flightdeck.runbook.Runbook;
import javafx.stage.Window;

/**
 * What the main window asks of the rest of the console: a session window. The composition provides it, so the main
 * window never builds another screen itself.
 */
public interface SessionOpener {

    /** Opens a session window for the chosen runbook: setup, dry run, then the wizard. */
    void start(Runbook runbook, String sha256);

    /** Asks, over {@code owner}, which rehearsal to practise (healthy or faulty), then opens its session window. */
    void rehearse(Window owner);
}
