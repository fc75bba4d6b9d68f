package dev.flightdeck.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where Flightdeck keeps its own files: settings, keys, its known-hosts file and, by default, journals.
 * {@code $FLIGHTDECK_HOME} when set (tests and scripted use), else {@code ~/.flightdeck}.
 */
public record FlightdeckHome(Path root) {

    public static final String VARIABLE = "FLIGHTDECK_HOME";

    public static FlightdeckHome fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new FlightdeckHome(Path.of(configured).toAbsolutePath());
        }
        return new FlightdeckHome(Path.of(System.getProperty("user.home"), ".flightdeck"));
    }

    public Path journals() {
        return root.resolve("journals");
    }

    public Path keys() {
        return root.resolve("keys");
    }

    public Path knownHosts() {
        return root.resolve("known_hosts");
    }

    public Path settings() {
        return root.resolve("settings.properties");
    }

    /** Inventories written in the console's editor when the operator had none yet. */
    public Path inventories() {
        return root.resolve("inventories");
    }

    public Path sandbox() {
        return root.resolve("sandbox");
    }

    /** Creates the directory readable by its owner only: it holds keys and journals. */
    public Path ensureExists() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            try {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user profile's ACLs already restrict it
            }
        }
        return root;
    }
}
