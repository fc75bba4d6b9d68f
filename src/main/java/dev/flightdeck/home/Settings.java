package dev.flightdeck.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator's preferences (theme, last inventory, ...) in a small properties file under Flightdeck's home. */
public final class Settings {

    /** The team file ({@code roster.yaml}) new sessions check approvals against when none is chosen. */
    public static final String ROSTER = "roster";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists; an unreadable file leaves defaults in place (and says so in the log). */
    public static Settings load(FlightdeckHome home) {
        Settings settings = new Settings(home.settings());
        if (Files.isRegularFile(settings.file)) {
            try (InputStream in = Files.newInputStream(settings.file)) {
                settings.values.load(in);
            } catch (IOException e) {
                log().warn("Could not read settings from {}; using defaults: {}", settings.file, e.getMessage());
            }
        }
        return settings;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** Stores the value and writes the file at once (atomically, so a crash never leaves half a file). */
    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                values.store(out, "Flightdeck settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log().warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    /**
     * The console reads its settings before its first frame: the logger (and with it Logback's configuration,
     * hundreds of classes) is made only when there is something to say.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(Settings.class);
    }
}
