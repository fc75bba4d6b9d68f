package dev.flightdeck.journal.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An append-only file as the journal writer needs it. The production implementation writes through a {@code FileOutputStream} (not interruptible);
 * tests substitute a double that loses unsynced bytes (power loss) or fails to sync.
 */
public interface DurableFile extends Closeable {

    /** Writes every remaining byte of the buffer at the end of the file. */
    void append(ByteBuffer bytes) throws IOException;

    /** Returns only when everything appended so far is on stable storage (fsync). */
    void force() throws IOException;
}
