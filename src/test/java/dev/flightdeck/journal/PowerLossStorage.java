package dev.flightdeck.journal;

import dev.flightdeck.journal.storage.DurableFile;
import dev.flightdeck.journal.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A file-system double that loses power at a chosen operation. Until then it keeps, per file, the bytes made
 * durable by {@code force} and those still pending; directory entries count only once the directory was synced.
 * {@link #materialize()} writes what a disk could hold after the loss: synced bytes plus a random prefix of the
 * pending ones (some pages may have reached the disk), and a file whose directory entry was never synced may be gone.
 */
final class PowerLossStorage implements Storage {

    private final Map<Path, SimulatedFile> files = new LinkedHashMap<>();
    private final Set<Path> durableEntries = new HashSet<>();
    private final Random random;
    private int operationsUntilLoss;
    private boolean powerLost;

    PowerLossStorage(Random random, int operationsUntilLoss) {
        this.random = random;
        this.operationsUntilLoss = operationsUntilLoss;
    }

    @Override
    public DurableFile createNew(Path file) throws IOException {
        operation();
        SimulatedFile created = new SimulatedFile();
        files.put(file, created);
        return created;
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        operation();
        files.keySet().stream()
                .filter(file -> file.getParent().equals(directory))
                .forEach(durableEntries::add);
    }

    boolean powerLost() {
        return powerLost;
    }

    /** Writes the state after the power loss into the real directory, for the reader to reopen. */
    void materialize() throws IOException {
        for (Map.Entry<Path, SimulatedFile> entry : files.entrySet()) {
            if (!durableEntries.contains(entry.getKey()) && random.nextBoolean()) {
                continue; // the directory entry never reached the disk
            }
            Files.write(entry.getKey(), entry.getValue().afterPowerLoss());
        }
    }

    private void operation() throws IOException {
        if (powerLost || --operationsUntilLoss <= 0) {
            powerLost = true;
            throw new IOException("simulated power loss");
        }
    }

    private final class SimulatedFile implements DurableFile {
        private final ByteArrayOutputStream synced = new ByteArrayOutputStream();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public void append(ByteBuffer bytes) throws IOException {
            operation();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            pending.write(copy);
        }

        @Override
        public void force() throws IOException {
            operation();
            pending.writeTo(synced);
            pending.reset();
        }

        @Override
        public void close() {
            // nothing to release
        }

        byte[] afterPowerLoss() {
            byte[] unsynced = pending.toByteArray();
            ByteArrayOutputStream disk = new ByteArrayOutputStream();
            disk.writeBytes(synced.toByteArray());
            disk.write(unsynced, 0, unsynced.length == 0 ? 0 : random.nextInt(unsynced.length + 1));
            return disk.toByteArray();
        }
    }
}
