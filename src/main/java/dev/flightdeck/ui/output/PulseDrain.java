package dev.flightdeck.ui.output;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Moves waiting lines into the model once per frame, within a time budget, and stops as soon as the inbox is
 * empty so an idle console asks for no frames. Producers restart it with a single {@code runLater} per idle
 * period (see {@link LineInbox#add}), never one per line.
 *
 * <p>While output streams, the screen changes at most every {@link #MIN_UPDATE_NANOS}: nobody reads faster than
 * that, and it gives the render thread time to finish a frame before the FX thread syncs the next one. Without
 * it a slow renderer (software rendering, a remote desktop) holds the FX thread up on every frame.
 */
final class PulseDrain extends AnimationTimer {

    /** Lines taken from the inbox between two looks at the clock. */
    static final int CHUNK_LINES = 1_024;
    /** The part of a 16.7 ms frame the drain may use; layout, CSS and rendering need the rest. */
    static final long FRAME_BUDGET_NANOS = 4_000_000;
    /**
     * 10 screen updates a second while lines keep coming (measured: at 50 ms a software renderer still held the
     * FX thread up); the first line after a pause shows at once.
     */
    static final long MIN_UPDATE_NANOS = 100_000_000;

    private final OutputModel model;
    private final LineInbox inbox;
    private final Runnable afterLinesAdded;
    private long lastUpdate = Long.MIN_VALUE / 2;

    PulseDrain(OutputModel model, LineInbox inbox, Runnable afterLinesAdded) {
        this.model = model;
        this.inbox = inbox;
        this.afterLinesAdded = afterLinesAdded;
    }

    /** The wake-up producers call from any thread. */
    Runnable wakeUp() {
        return () -> Platform.runLater(this::start);
    }

    @Override
    public void handle(long now) {
        if (now - lastUpdate < MIN_UPDATE_NANOS) {
            return;
        }
        lastUpdate = now;
        OutputModel.Pumped pumped = model.pump(inbox, CHUNK_LINES, FRAME_BUDGET_NANOS);
        if (pumped.taken() > 0) {
            afterLinesAdded.run();
        }
        if (!pumped.more()) {
            stop();
        }
    }
}
