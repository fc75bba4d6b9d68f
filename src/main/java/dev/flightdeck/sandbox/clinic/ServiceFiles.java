package dev.flightdeck.sandbox.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files through which a sandbox host's {@code clinicctl} script and the in-process clinic app talk, like a
 * service manager's unit state: the script writes what it wants ({@code run/desired}, the {@code current} release
 * link), the app applies it and reports what it did ({@code run/actual}), which the script waits for.
 */
public record ServiceFiles(Path hostDirectory) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public Path desired() {
        return hostDirectory.resolve("run/desired");
    }

    public Path actual() {
        return hostDirectory.resolve("run/actual");
    }

    public Path releases() {
        return hostDirectory.resolve("releases");
    }

    public Path current() {
        return hostDirectory.resolve("current");
    }

    /** True unless someone asked the service to stop. */
    public boolean wantsRunning() {
        return !read(desired()).equals(STOPPED);
    }

    /** The release the {@code current} link points at (its VERSION file), e.g. {@code v1}. */
    public String currentVersion() {
        return read(current().resolve("VERSION"));
    }

    /** Reports the state the app reached: {@code running v2} or {@code stopped}; replaced atomically. */
    public void reportActual(String state) {
        try {
            Path next = hostDirectory.resolve("run/actual.next");
            Files.writeString(next, state + "\n", StandardCharsets.UTF_8);
            Files.move(next, actual(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + actual() + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }
}
