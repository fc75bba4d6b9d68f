package dev.flightdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.sandbox.error.SandboxException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox directory: never a foreign one, never one a running sandbox holds, a crashed sandbox's is reused. */
class SandboxLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryWithSomeoneElsesFilesIsRefusedAndLeftAlone() throws Exception {
        Path important = Files.writeString(dir.resolve("thesis.txt"), "years of work");
        assertThatThrownBy(() -> new SandboxLayout(dir).prepare())
                .isInstanceOfSatisfying(
                        SandboxException.class,
                        e -> assertThat(e.code()).isEqualTo(SandboxException.Code.DIRECTORY_IN_USE))
                .hasMessageContaining("not a sandbox's");
        assertThat(important).hasContent("years of work");
    }

    @Test
    void aDirectoryARunningSandboxHoldsIsRefused() throws Exception {
        SandboxLayout layout = new SandboxLayout(dir.resolve("sandbox"));
        FileLock running = layout.prepare();
        Path inventory = Files.writeString(layout.inventory(), "hosts: {}\n");
        try {
            assertThatThrownBy(layout::prepare)
                    .isInstanceOfSatisfying(
                            SandboxException.class,
                            e -> assertThat(e.describe())
                                    .startsWith("FD-SANDBOX-001")
                                    .contains("another sandbox is running"));
            assertThat(inventory).exists();
        } finally {
            running.channel().close();
        }
    }

    @Test
    void aSandboxDirectoryLeftBehindByACrashIsEmptiedAndReused() throws Exception {
        SandboxLayout layout = new SandboxLayout(dir.resolve("sandbox"));
        layout.prepare().channel().close();
        Path stale = Files.writeString(layout.inventory(), "hosts: {}\n");
        FileLock again = layout.prepare();
        try {
            assertThat(stale).doesNotExist();
            assertThat(layout.root().resolve(SandboxLayout.MARKER)).exists();
        } finally {
            again.channel().close();
        }
    }
}
