package dev.flightdeck.ui.output;

import dev.flightdeck.session.OutputSink;

/** What a console line is: output on one of the two streams, a step separator, or the marker for dropped lines. */
public enum LineKind {
    STDOUT,
    STDERR,
    STEP,
    DROPPED;

    static LineKind of(OutputSink.Stream stream) {
        return stream == OutputSink.Stream.STDERR ? STDERR : STDOUT;
    }

    /** Separators and the dropped-lines marker belong to every host, so a host filter never hides them. */
    boolean belongsToEveryHost() {
        return this == STEP || this == DROPPED;
    }
}
