package dev.flightdeck.ui;

import dev.flightdeck.app.AppContext;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the JavaFX toolkit and opens the main window. Uses {@link Platform#startup} instead of
 * {@code Application.launch} so the window is built by constructor with its context, not via statics.
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(AppContext context) {
        Platform.startup(() -> new MainWindow(context).show(new Stage()));
    }
}
