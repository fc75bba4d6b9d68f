package dev.flightdeck.notify;

/** Hears of channels' health and of messages given up: the command line prints a warning, the console shows it. */
public interface OutboxListener {

    default void healthChanged(ChannelHealth health) {}

    /** Every further failed attempt of a channel already failing: its count and last error, for a live status. */
    default void stillFailing(ChannelHealth health) {}

    default void gaveUp(Notification notification, String detail) {}
}
