package dev.flightdeck.journal.storage;

import java.io.IOException;
import java.nio.file.Path;

/** Creates segment files and makes their directory entries durable. */
public interface Storage {

    /** Creates a new file; fails if it exists (a segment is never overwritten). */
    DurableFile createNew(Path file) throws IOException;

    /** fsync of the directory, so a newly created file survives a crash. */
    void syncDirectory(Path directory) throws IOException;

    static Storage files() {
        return FileStorage.INSTANCE;
    }
}
