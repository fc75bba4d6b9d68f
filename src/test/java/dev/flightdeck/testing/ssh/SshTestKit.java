package dev.flightdeck.testing.ssh;

import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away operator setup under one directory: a fake home with {@code .ssh/known_hosts}, Flightdeck's
 * own known-hosts file, and helpers to build targets and {@link SshSessions}. The real {@code ~/.ssh} is
 * never read.
 */
public record SshTestKit(Path root) {

    public static SshTestKit in(Path root) throws IOException {
        Files.createDirectories(root.resolve("home/.ssh"));
        return new SshTestKit(root);
    }

    public SshUserHome userHome() {
        return SshUserHome.of(root.resolve("home"), System.getProperty("user.name"));
    }

    public Path userKnownHosts() {
        return userHome().knownHosts();
    }

    public Path flightdeckKnownHosts() {
        return root.resolve("flightdeck/known_hosts");
    }

    public HostKeyVerifier verifier() {
        return new HostKeyVerifier(List.of(userKnownHosts()), flightdeckKnownHosts());
    }

    /** Adds a line to the user's {@code ~/.ssh/known_hosts}. */
    public void knowHost(String knownHostsLine) throws IOException {
        Files.writeString(
                userKnownHosts(), knownHostsLine + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public SshSessions sessions(SshEventListener listener) {
        return new SshSessions(fastSettings(), verifier(), Credentials.NONE, listener);
    }

    /** Defaults, but a short connect timeout and grace so failing tests fail fast. */
    public static SshSettings fastSettings() {
        return new SshSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 3, Duration.ofMillis(300));
    }

    public static SshTarget target(String name, int port, Path userKey) {
        return new SshTarget(
                name, "127.0.0.1", port, System.getProperty("user.name"), List.of(userKey), false, Optional.empty());
    }
}
