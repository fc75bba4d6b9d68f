package dev.flightdeck.ui;

import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import dev.flightdeck.ui.main.ConsoleViewModel;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Reaches the view model behind the window, as the "Open runbook…" file chooser would (no native dialog headless). */
final class MainWindowTestAccess {

    private MainWindowTestAccess() {}

    static RunbookLibraryViewModel library(FxRobot robot) {
        Node root = robot.lookup(".main-window").query();
        return ((ConsoleViewModel) root.getProperties().get(ConsoleViewModel.class)).library();
    }
}
