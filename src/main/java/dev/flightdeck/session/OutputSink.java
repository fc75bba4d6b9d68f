package dev.flightdeck.session;

/**
 * Where a running step's output goes, line by line. The session redacts each line, journals it (bounded per
 * step) and shows it live.
 */
@FunctionalInterface
public interface OutputSink {

    enum Stream {
        STDOUT,
        STDERR
    }

    void line(String host, Stream stream, String text);
}
