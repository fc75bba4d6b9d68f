package dev.flightdeck.notify;

import dev.flightdeck.session.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The outbox's journal kept in memory, in order, with a wait for results (conditions, not sleeps). */
final class RecordingJournal implements Outbox.Journal {

    private final List<SessionEvent> events = new ArrayList<>();

    @Override
    public synchronized void queued(SessionEvent.NotificationQueued queued) {
        events.add(queued);
        notifyAll();
    }

    @Override
    public synchronized void result(SessionEvent.NotificationResult result) {
        events.add(result);
        notifyAll();
    }

    synchronized List<SessionEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<SessionEvent.NotificationResult> results() {
        return events.stream()
                .filter(SessionEvent.NotificationResult.class::isInstance)
                .map(SessionEvent.NotificationResult.class::cast)
                .toList();
    }

    synchronized List<SessionEvent.NotificationResult> awaitResults(int count, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (results().size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return results();
    }
}
