package dev.flightdeck.session;

import java.util.Optional;

/**
 * Where a session's events become durable: the encrypted journal in production. {@link #record} returns only
 * once the event is on disk; if that fails the session stops, since an action must never run unrecorded.
 */
public interface SessionRecorder extends AutoCloseable {

    /** Writes the event durably and returns it as recorded (sequence, time). */
    Recorded record(String actor, SessionEvent event);

    /** Seals everything recorded so far with a signed checkpoint; returns its short hash for the change ticket. */
    String checkpoint(String reason);

    /** Seals the journal with the closing checkpoint (a journal without one was cut short or is still open). */
    String closeSession(String reason);

    /** The journal's chain hash after the last record (hex): what an approval request made now is bound to. */
    String chainHead();

    /** The short hash of the newest signed checkpoint in the journal (taken in this run or before it), if any. */
    Optional<String> lastCheckpoint();

    /** Masks every known secret and secret-looking pattern in a text before it is recorded. */
    String redact(String text);

    /**
     * Collects one stream of a step's output for the journal: redacted, bounded (head and tail) so a runaway command
     * cannot fill the disk, or only its size and SHA-256 for {@code sensitive-output} steps.
     */
    OutputCollector collectOutput(boolean sensitive);

    interface OutputCollector {
        void append(String line);

        /** The text to journal: the kept lines and a note of what was left out, or the size and hash. */
        String finish();
    }

    @Override
    void close();
}
