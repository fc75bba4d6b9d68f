package dev.flightdeck.ui;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.ui.compose.ConsoleServices;
import dev.flightdeck.ui.compose.MainWindow;
import java.util.concurrent.CompletableFuture;

/** The console's main window on a test's own home, built as the launcher builds it. */
final class TestConsoles {

    private TestConsoles() {}

    /**
     * Call from a test's {@code @Start} (the FX thread): the services read the settings file, which the product does
     * before the toolkit starts, so here they are built on another thread, as {@link ConsoleServices} insists.
     */
    static MainWindow mainWindow(AppContext context) {
        ConsoleServices services = CompletableFuture.supplyAsync(() -> ConsoleServices.forProduction(context))
                .join();
        return new MainWindow(services);
    }
}
