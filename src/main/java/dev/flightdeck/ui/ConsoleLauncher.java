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
        launch(context, java.util.Optional.empty());
    }

    /** Opens the console with a runbook file already loaded and chosen (from {@code flightdeck open FILE}). */
    public static void launch(AppContext context, java.util.Optional<java.nio.file.Path> runbook) {
        Platform.startup(() -> {
            MainWindow window = new MainWindow(context);
            Stage stage = new Stage();
            window.show(stage);
            FirstFrameProbe.watch(stage);
            runbook.ifPresent(file -> window.console().library().open(file.toAbsolutePath()));
        });
    }
}
