package dev.flightdeck.ui.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * For measuring and for training the class-data archive, never in normal use: with
 * {@code -Dflightdeck.firstFrame=FILE} the console writes the wall-clock time (epoch milliseconds) of its first
 * rendered frame and the CPU time the process had used by then (milliseconds, all threads) to FILE and exits. {@code flightdeck bench startup} reads it; the installer's AppCDS class list
 * is recorded by one such start.
 */
final class FirstFrameProbe {

    static final String PROPERTY = "flightdeck.firstFrame";

    private FirstFrameProbe() {}

    static void watch(Stage stage) {
        Optional<Path> file = Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(name -> !name.isBlank())
                .map(Path::of);
        if (file.isEmpty()) {
            return;
        }
        AfterFirstFrame.run(stage.getScene(), () -> {
            try {
                long cpuMillis = ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toMillis)
                        .orElse(-1L);
                Files.writeString(file.get(), System.currentTimeMillis() + " " + cpuMillis, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform.exit();
            Runtime.getRuntime().exit(0);
        });
    }
}
