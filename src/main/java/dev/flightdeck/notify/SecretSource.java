package dev.flightdeck.notify;

import dev.flightdeck.inventory.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves a channel's secret references: the environment, a file readable by its owner only (0600 or 0400), or a
 * prompt. A file others can read is refused, as SSH refuses such a key. Values are never logged or journaled:
 * the session's redactor is given them.
 */
public final class SecretSource {

    private final Map<String, String> environment;
    private final Function<String, Optional<char[]>> prompt;

    /** @param prompt asks a person for the secret (the text says which); empty when nobody can answer */
    public SecretSource(Map<String, String> environment, Function<String, Optional<char[]>> prompt) {
        this.environment = environment;
        this.prompt = prompt;
    }

    public static SecretSource environmentOnly(Map<String, String> environment) {
        return new SecretSource(environment, what -> Optional.empty());
    }

    /** The secret's value, or a problem naming where it was looked for. */
    public char[] resolve(SecretRef ref) throws NotificationException {
        return switch (ref.source()) {
            case ENVIRONMENT -> {
                String value = environment.get(ref.name());
                if (value == null || value.isBlank()) {
                    throw new NotificationException("environment variable " + ref.name() + " is not set");
                }
                yield value.strip().toCharArray();
            }
            case FILE -> readFile(expand(ref.name()));
            case PROMPT ->
                prompt.apply(ref.name())
                        .filter(v -> v.length > 0)
                        .orElseThrow(() -> new NotificationException(
                                "no one could be asked for " + ref.name() + " (no terminal)"));
        };
    }

    private Path expand(String path) {
        if (path.startsWith("~/")) {
            return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), path.substring(2));
        }
        return Path.of(path);
    }

    private static char[] readFile(Path file) throws NotificationException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream()
                    .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new NotificationException("secret file " + file + " can be read by others ("
                        + PosixFilePermissions.toString(permissions) + "); chmod 600 it");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile's ACLs protect it
        } catch (IOException e) {
            throw new NotificationException("secret file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
        } catch (IOException e) {
            throw new NotificationException("secret file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
