package dev.flightdeck.journal.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real disk: plain writes and {@code fsync}. Deliberately not a {@code FileChannel} for the journal's files: an
 * interrupt of the writing thread (a collector stopped at the end of a session, a step cancelled by the emergency
 * rollback) closes an interruptible channel for good, and the journal would stop mid-session. A
 * {@code FileOutputStream}'s write and its descriptor's sync are not interruptible.
 */
final class FileStorage implements Storage {

    static final FileStorage INSTANCE = new FileStorage();
    private static final Logger LOG = LoggerFactory.getLogger(FileStorage.class);

    @Override
    public DurableFile createNew(Path file) throws IOException {
        Files.createFile(file);
        return new StreamFile(new FileOutputStream(file.toFile(), true));
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        // a directory can only be synced through a channel: a fresh one per attempt, retried if an interrupt closed it
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                    channel.force(true);
                    return;
                } catch (ClosedByInterruptException again) {
                    interrupted |= Thread.interrupted();
                } catch (IOException notSupported) {
                    // Windows cannot open a directory as a channel; NTFS journals directory entries itself.
                    if (System.getProperty("os.name", "").startsWith("Windows")) {
                        LOG.debug("directory sync not supported here: {}", notSupported.getMessage());
                        return;
                    }
                    throw notSupported;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record StreamFile(FileOutputStream out) implements DurableFile {
        @Override
        public void append(ByteBuffer bytes) throws IOException {
            if (bytes.hasArray()) {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                bytes.position(bytes.limit());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                out.write(copy);
            }
        }

        @Override
        public void force() throws IOException {
            out.getFD().sync();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
