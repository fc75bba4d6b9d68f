package dev.flightdeck.sandbox;

import dev.flightdeck.sandbox.host.SandboxHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox hosts' keys in Flightdeck's known-hosts file while the sandbox runs, so connecting to them needs no
 * prompt and strict checking stays on. Each line carries a trailing comment {@code flightdeck-sandbox ID}; only
 * such lines are ever removed: this sandbox's on close, and a crashed sandbox's left on a port this one now holds
 * (no live server can be on it, and its old key would otherwise read as a changed key).
 */
final class SandboxKnownHosts {

    private static final String MARK = "flightdeck-sandbox";

    private SandboxKnownHosts() {}

    static synchronized void add(Path file, String sandboxId, List<SandboxHost> hosts) throws IOException {
        Set<String> ours =
                hosts.stream().map(host -> "[127.0.0.1]:" + host.port()).collect(Collectors.toSet());
        List<String> kept = new ArrayList<>(read(file).stream()
                .filter(line -> !(line.contains(" " + MARK + " ") && ours.contains(line.split("\\s+")[0])))
                .toList());
        hosts.forEach(host -> kept.add(host.knownHostsLine() + " " + MARK + " " + sandboxId));
        write(file, kept);
    }

    static synchronized void remove(Path file, String sandboxId) throws IOException {
        if (Files.exists(file)) {
            write(
                    file,
                    read(file).stream()
                            .filter(line -> !line.endsWith(" " + MARK + " " + sandboxId))
                            .toList());
        }
    }

    private static List<String> read(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** Replaces the file in one move, readable by its owner only, as Flightdeck creates it. */
    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".sandbox-next");
        Files.write(next, lines, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile's ACLs protect it
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
