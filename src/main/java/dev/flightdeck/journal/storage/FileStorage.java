package dev.flightdeck.journal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real disk: {@code FileChannel} writes and {@code force(true)}. */
final class FileStorage implements Storage {

    static final FileStorage INSTANCE = new FileStorage();
    private static final Logger LOG = LoggerFactory.getLogger(FileStorage.class);

    @Override
    public DurableFile createNew(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new ChannelFile(channel);
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory as a channel; NTFS journals directory entries itself.
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                LOG.debug("directory sync not supported here: {}", notSupported.getMessage());
                return;
            }
            throw notSupported;
        }
    }

    private record ChannelFile(FileChannel channel) implements DurableFile {
        @Override
        public void append(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void force() throws IOException {
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
