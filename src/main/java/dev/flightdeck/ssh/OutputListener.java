package dev.flightdeck.ssh;

/**
 * Receives a command's output line by line as it arrives, without the line terminator. Called on the
 * connection's reader thread: hand off, do not block.
 */
@FunctionalInterface
public interface OutputListener {

    OutputListener IGNORE = (stream, line) -> {};

    void line(OutputStreamKind stream, String line);
}
