package dev.flightdeck.ui.compose;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Console;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the JavaFX toolkit and opens the main window. Uses {@link Platform#startup} instead of
 * {@code Application.launch} so the window is built by constructor with its context, not via statics.
 * Found by the entry point as the {@link Console} provider, so the command line never loads it.
 */
public final class ConsoleLauncher implements Console {

    @Override
    public void open(AppContext context, Optional<Path> runbook) {
        // the services read the settings file: here, on the caller's thread, before the FX thread exists
        ConsoleServices services = ConsoleServices.forProduction(context);
        Platform.startup(() -> {
            MainWindow window = new MainWindow(services);
            Stage stage = new Stage();
            window.show(stage);
            FirstFrameProbe.watch(stage);
            runbook.ifPresent(file -> window.console().library().open(file.toAbsolutePath()));
        });
    }
}
