package dev.flightdeck.notify;

/**
 * A notification could not be delivered or a channel could not be set up; the message says why, without secrets.
 * {@code permanent} failures (a refused payload, a wrong address) are not retried.
 */
public final class NotificationException extends Exception {

    private final boolean permanent;

    public NotificationException(String message) {
        this(message, false);
    }

    public NotificationException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
