package dev.flightdeck.ui.compose;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs something once a scene's next frame has been laid out and handed over to be drawn: the console reads its
 * built-in runbooks after its first frame, and the first-frame probe takes its time there.
 */
final class AfterFirstFrame {

    private AfterFirstFrame() {}

    /** Call on the FX thread; {@code then} runs on it too, once, after the pulse that lays out the next frame. */
    static void run(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // the frame of this pulse is drawn after its layout; the next runLater runs once it has been handed over
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
