package dev.flightdeck.notify;

import java.time.Instant;

/**
 * How a channel is doing, for the command line's warning and the console's status: {@code FAILING} after repeated
 * failed attempts (messages are still retried; the window goes on), {@code UNAVAILABLE} when it cannot be used at all
 * (not declared, or its secret is missing).
 */
public record ChannelHealth(String channel, State state, int consecutiveFailures, String lastError, Instant since) {

    public enum State {
        OK,
        FAILING,
        UNAVAILABLE
    }

    public static ChannelHealth ok(String channel, Instant now) {
        return new ChannelHealth(channel, State.OK, 0, "", now);
    }

    public String describe() {
        return switch (state) {
            case OK -> "channel '" + channel + "' delivers";
            case FAILING ->
                "channel '" + channel + "' keeps failing (" + consecutiveFailures + " attempts in a row): " + lastError
                        + "; its messages are retried, the window goes on";
            case UNAVAILABLE ->
                "channel '" + channel + "' cannot be used: " + lastError + "; its messages are journaled, not sent";
        };
    }
}
