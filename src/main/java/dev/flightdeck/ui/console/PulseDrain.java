package dev.flightdeck.ui.console;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Moves waiting lines into the model once per frame, within a time budget, and stops as soon as the inbox is
 * empty so an idle console asks for no frames. Producers restart it with a single {@code runLater} per idle
 * period (see {@link LineInbox#add}), never one per line.
 */
final class PulseDrain extends AnimationTimer {

    /** Lines taken from the inbox between two looks at the clock. */
    static final int CHUNK_LINES = 4_096;
    /** The part of a 16.7 ms frame the drain may use; layout, CSS and rendering need the rest. */
    static final long FRAME_BUDGET_NANOS = 4_000_000;

    private final ConsoleModel model;
    private final LineInbox inbox;
    private final Runnable afterLinesAdded;

    PulseDrain(ConsoleModel model, LineInbox inbox, Runnable afterLinesAdded) {
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
        ConsoleModel.Pumped pumped = model.pump(inbox, CHUNK_LINES, FRAME_BUDGET_NANOS);
        if (pumped.taken() > 0) {
            afterLinesAdded.run();
        }
        if (!pumped.more()) {
            stop();
        }
    }
}
