package dev.flightdeck.ssh;

import java.util.concurrent.TimeUnit;

/** Wakes the thread waiting for a command: when its channel closes, or when someone asks it to look again (cancel). */
final class CompletionSignal {

    private boolean done;
    private boolean poked;

    synchronized void done() {
        done = true;
        notifyAll();
    }

    synchronized void poke() {
        poked = true;
        notifyAll();
    }

    synchronized boolean isDone() {
        return done;
    }

    /** Waits up to {@code nanos} for done or a poke; returns whether the channel is done. */
    synchronized boolean await(long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (!done && !poked) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        poked = false;
        return done;
    }
}
