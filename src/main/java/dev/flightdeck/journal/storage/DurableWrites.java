package dev.flightdeck.journal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Small whole-file writes (keys, exports) that must be on disk before we say they are. */
public final class DurableWrites {

    private DurableWrites() {}

    /** Writes a new file readable by its owner only, syncs it and its directory. */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (DurableFile out = Storage.files().createNew(temporary)) {
            restrictToOwner(temporary);
            out.append(ByteBuffer.wrap(content));
            out.force();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        Storage.files().syncDirectory(directory);
    }

    public static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile's ACLs already restrict it
        }
    }
}
