package dev.flightdeck.app.cli;

import dev.flightdeck.ui.compose.ConsoleLauncher;

/**
 * A deliberate breach of the layers, kept in the tests only: a command-line class that uses a console class.
 * {@code ArchitectureTest} shows that its layer rule rejects it.
 */
public final class DeliberateConsoleImport {

    private DeliberateConsoleImport() {}

    static Object console() {
        return new ConsoleLauncher();
    }
}
