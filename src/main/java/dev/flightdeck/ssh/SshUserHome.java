package dev.flightdeck.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's own SSH setup: the home directory ({@code ~} in paths), the {@code .ssh} directory whose
 * {@code config} and {@code known_hosts} are read, the local user name (SSH's default login) and the
 * ssh-agent socket. Injected everywhere so tests never read the real {@code ~/.ssh}.
 */
public record SshUserHome(Path home, Path sshDirectory, String localUser, Optional<Path> agentSocket) {

    public static SshUserHome of(Path home, String localUser) {
        return new SshUserHome(home, home.resolve(".ssh"), localUser, Optional.empty());
    }

    /** {@code $HOME} when set (so scripted use and tests can point elsewhere), else the JVM's user home. */
    public static SshUserHome fromSystem(Map<String, String> environment) {
        Path home = Path.of(Optional.ofNullable(environment.get("HOME"))
                .filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home")));
        Optional<Path> agent = Optional.ofNullable(environment.get("SSH_AUTH_SOCK"))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        return new SshUserHome(home, home.resolve(".ssh"), System.getProperty("user.name"), agent);
    }

    public Path config() {
        return sshDirectory.resolve("config");
    }

    public Path knownHosts() {
        return sshDirectory.resolve("known_hosts");
    }

    /** Expands a leading {@code ~} the way ssh does for IdentityFile and the inventory's identity. */
    public Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        Path plain = Path.of(path);
        return plain.isAbsolute() ? plain : home.resolve(plain);
    }
}
