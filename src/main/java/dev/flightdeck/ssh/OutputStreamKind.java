package dev.flightdeck.ssh;

/** Which of a remote command's two output streams a line came from. */
public enum OutputStreamKind {
    STDOUT,
    STDERR
}
