package dev.flightdeck.session;

import dev.flightdeck.session.steps.OutputSink;

/** Follows a session live: every recorded event, and every output line as it arrives (before bounding). */
public interface SessionListener {

    default void recorded(Recorded event, SessionState state) {
    }

    default void output(String stepId, String host, OutputSink.Stream stream, String line) {
    }
}
