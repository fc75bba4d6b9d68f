package dev.flightdeck.sandbox;

import dev.flightdeck.sandbox.error.SandboxException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where a sandbox keeps its files, all under one directory the operator can look into:
 * <pre>
 * sandbox.inventory.yaml   the inventory to run the rehearsal with
 * pgpass                   the database administrator's password (0600, libpq format)
 * keys/                    the sandbox user key (id_ed25519) and the hosts' host keys
 * hosts/app1 app2 db1      each host's "filesystem": its shell starts there
 * postgres/                the database server's data directory
 * </pre>
 */
record SandboxLayout(Path root) {

    /** Marks a directory as a sandbox's, so a leftover one (after a crash) may be emptied and a foreign one never is. */
    static final String MARKER = ".flightdeck-sandbox";

    Path inventory() {
        return root.resolve("sandbox.inventory.yaml");
    }

    Path pgpass() {
        return root.resolve("pgpass");
    }

    Path userKey() {
        return root.resolve("keys/id_ed25519");
    }

    Path hostKey(String host) {
        return root.resolve("keys/host_" + host + "_ecdsa");
    }

    Path host(String host) {
        return root.resolve("hosts").resolve(host);
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    /**
     * Creates the directory, or empties a leftover sandbox's; refuses a directory holding anything else or one a
     * running sandbox holds. Returns the lock on the marker file that says "a sandbox runs here" until it is released.
     */
    FileLock prepare() throws IOException {
        if (Files.isDirectory(root)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(root)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new SandboxException(
                        SandboxException.Code.DIRECTORY_IN_USE,
                        root + " holds files that are not a sandbox's;"
                                + " choose an empty or new directory for the sandbox");
            }
            if (!empty) {
                lock().channel().close();
                clear();
            }
        }
        Files.createDirectories(root.resolve("keys"));
        Files.writeString(
                root.resolve(MARKER), "Flightdeck rehearsal sandbox; everything here is deleted when it stops.\n");
        return lock();
    }

    private FileLock lock() throws IOException {
        FileChannel channel = FileChannel.open(root.resolve(MARKER), StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException sameProcess) {
            // held by a sandbox in this process: in use just the same
        }
        channel.close();
        throw new SandboxException(
                SandboxException.Code.DIRECTORY_IN_USE,
                "another sandbox is running in " + root
                        + "; stop it (Ctrl-C where it runs) or choose another directory");
    }

    /**
     * Deletes everything inside the directory (the directory itself stays). Files that vanish meanwhile are fine: in a
     * shutdown hook the embedded PostgreSQL's own hook may be removing its data directory at the same time.
     */
    void clear() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                if (!directory.equals(root)) {
                    Files.deleteIfExists(directory);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
