package dev.flightdeck.ui.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where producer threads leave lines for the FX thread. Bounded: when more lines wait than the console keeps
 * anyway, the oldest waiting ones are dropped and counted, so a flood never grows the heap. The lock is held for
 * a constant amount of work per line; the FX thread takes lines in chunks, never one by one.
 */
final class LineInbox {

    /** What one drain took: whether a clear came first, how many lines overflowed, the lines in order. */
    record Drained(boolean cleared, long overflowed, List<ConsoleLine> lines, boolean more) {
    }

    private final int capacity;
    private final ArrayDeque<ConsoleLine> waiting = new ArrayDeque<>();
    private long nextNumber = 1;
    private long overflowed;
    private boolean clearRequested;
    private boolean drainScheduled;

    LineInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a line; true when the caller must wake the drain (the inbox was idle), false when one is already due. */
    synchronized boolean add(LineKind kind, String host, String text) {
        waiting.addLast(new ConsoleLine(nextNumber++, kind, host, text));
        if (waiting.size() > capacity) {
            waiting.pollFirst();
            overflowed++;
        }
        return scheduleDrain();
    }

    /** Forgets everything waiting and tells the FX side to forget what it shows; numbering starts again. */
    synchronized boolean clear() {
        waiting.clear();
        overflowed = 0;
        nextNumber = 1;
        clearRequested = true;
        return scheduleDrain();
    }

    synchronized Drained drain(int maxLines) {
        List<ConsoleLine> lines = new ArrayList<>(Math.min(maxLines, waiting.size()));
        while (lines.size() < maxLines && !waiting.isEmpty()) {
            lines.add(waiting.pollFirst());
        }
        Drained drained = new Drained(clearRequested, overflowed, lines, !waiting.isEmpty());
        clearRequested = false;
        overflowed = 0;
        drainScheduled = drained.more();
        return drained;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private boolean scheduleDrain() {
        if (drainScheduled) {
            return false;
        }
        drainScheduled = true;
        return true;
    }
}
