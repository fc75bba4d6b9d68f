package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import javafx.scene.Parent;

/** One way of showing streamed output, fed the same lines as the others; built and asked on the FX thread. */
interface ConsoleUnderTest {

    String name();

    /** Flightdeck's console, or one of the usual JavaFX ways; ratios divide by the one that is the ratio base. */
    Role role();

    Parent view();

    /** Called by the producer thread for every line. */
    void push(String host, boolean stderr, String text);

    /** Called by the producer thread after each burst of lines; batch-per-burst approaches send here. */
    default void endOfBurst() {}

    /** On the FX thread: is this text, the last one sent, on screen now? */
    boolean showsLast(String text);

    /** Lines that reached the view so far (any thread). */
    long linesShown();

    /** Stops work still queued for the FX thread, so a hopeless approach cannot hold the next one up. */
    default void cancel() {}
}
