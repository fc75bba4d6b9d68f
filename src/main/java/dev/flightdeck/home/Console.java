package dev.flightdeck.home;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The desktop console, as the entry point and the command line see it: something that opens a window.
 *
 * <p>The command line must run without JavaFX (a headless server, a CI job), and the console must not depend on the
 * command line, so neither imports the other: the console registers itself as a {@link ServiceLoader} provider
 * ({@code META-INF/services/dev.flightdeck.home.Console}) and the entry point asks for it only when a window is wanted.
 */
public interface Console {

    /** Starts the toolkit and shows the main window; with a runbook file, that runbook is loaded and chosen. */
    void open(AppContext context, Optional<Path> runbook);

    /** The console shipped in this build, if any (a headless build has none). */
    static Optional<Console> installed() {
        return ServiceLoader.load(Console.class).findFirst();
    }
}
