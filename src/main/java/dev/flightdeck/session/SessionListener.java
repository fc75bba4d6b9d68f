package dev.flightdeck.session;

/** Follows a session live: every recorded event, and every output line as it arrives (before bounding). */
public interface SessionListener {

    default void recorded(Recorded event, SessionState state) {}

    default void output(String stepId, String host, OutputSink.Stream stream, String line) {}

    /**
     * The session is about to close with {@code result}; called outside the session's lock, before the closing
     * record, so a listener may still journal (the notifications' outbox sends its last messages here, for a bounded time).
     */
    default void closing(String result, SessionState state) {}
}
