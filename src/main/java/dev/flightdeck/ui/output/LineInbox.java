package dev.flightdeck.ui.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where producer threads leave lines for the FX thread. Lock-free, so a producer preempted mid-call can never make
 * the FX thread wait (with a lock it did, for tens of milliseconds, on a loaded machine). Bounded: when more lines
 * wait than the console keeps anyway, the oldest waiting ones are dropped and counted, so a flood never grows the
 * heap. Lines are numbered when drained: one consumer, so numbers follow the order the lines are shown in.
 */
final class LineInbox {

    /** What one drain took: whether a clear came first, how many lines overflowed, the lines in order. */
    record Drained(boolean cleared, long overflowed, List<OutputLine> lines, boolean more) {}

    /** A line as a producer leaves it; {@code kind == null} marks a clear, so it keeps its place among the lines. */
    private record Waiting(LineKind kind, String host, String text) {}

    private static final Waiting CLEAR = new Waiting(null, "", "");

    private final int capacity;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicBoolean clearOverflowed = new AtomicBoolean();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private long nextNumber = 1;

    LineInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a line; true when the caller must wake the drain (the inbox was idle), false when one is already due. */
    boolean add(LineKind kind, String host, String text) {
        return offer(new Waiting(kind, host, text));
    }

    /** Asks the FX side to forget everything before this point; numbering starts again. */
    boolean clear() {
        return offer(CLEAR);
    }

    private boolean offer(Waiting item) {
        waiting.offer(item);
        if (size.incrementAndGet() > capacity) {
            dropOldest();
        }
        return !drainScheduled.get() && drainScheduled.compareAndSet(false, true);
    }

    private void dropOldest() {
        Waiting dropped = waiting.poll();
        if (dropped == null) {
            return;
        }
        size.decrementAndGet();
        if (dropped == CLEAR) {
            // everything before the clear is gone already; the drain still has to forget what it shows
            // (a line overflowing at the same moment may be counted on the wrong side of the clear)
            clearOverflowed.set(true);
            overflowed.set(0);
        } else {
            overflowed.incrementAndGet();
        }
    }

    /** On the FX thread only: takes up to {@code maxLines} lines, oldest first. */
    Drained drain(int maxLines) {
        boolean cleared = clearOverflowed.getAndSet(false);
        long lost = overflowed.getAndSet(0);
        if (cleared) {
            nextNumber = 1;
        }
        List<OutputLine> lines = new ArrayList<>(Math.min(maxLines, Math.max(0, size.get())));
        while (lines.size() < maxLines) {
            Waiting item = waiting.poll();
            if (item == null) {
                break;
            }
            size.decrementAndGet();
            if (item == CLEAR) {
                cleared = true;
                lost = 0;
                lines.clear();
                nextNumber = 1;
            } else {
                lines.add(new OutputLine(nextNumber++, item.kind(), item.host(), item.text()));
            }
        }
        return new Drained(cleared, lost, lines, stillBusy());
    }

    /** Lets the next producer wake the drain again, unless lines arrived meanwhile. */
    private boolean stillBusy() {
        if (!waiting.isEmpty()) {
            return true;
        }
        drainScheduled.set(false);
        return !waiting.isEmpty() && drainScheduled.compareAndSet(false, true);
    }

    int waiting() {
        return size.get();
    }
}
