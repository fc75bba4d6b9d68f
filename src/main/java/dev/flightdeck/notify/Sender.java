package dev.flightdeck.notify;

/** Delivers one notification to one channel, once; the outbox retries. */
@FunctionalInterface
public interface Sender {

    /** @return what the channel answered, for the journal (never a secret) */
    String send(Notification notification) throws NotificationException, InterruptedException;
}
