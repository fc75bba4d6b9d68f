package dev.flightdeck.testing.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where tests look for operating-system programs, and which Debian/Ubuntu package brings each.
 *
 * <p>The directories searched are those of {@code -Dflightdeck.test.tools.path=DIR:DIR} when it is set (to prove
 * the skip on a machine that has the tools: {@code -Dflightdeck.test.tools.path=/nonexistent}), otherwise the
 * {@code PATH} plus the sbin directories where {@code sshd} lives.
 */
public final class Tool {

    public static final String PATH_PROPERTY = "flightdeck.test.tools.path";

    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("sshd", "openssh-server"),
            Map.entry("ssh", "openssh-client"),
            Map.entry("ssh-agent", "openssh-client"),
            Map.entry("ssh-add", "openssh-client"),
            Map.entry("ssh-keygen", "openssh-client"),
            Map.entry("pg_dump", "postgresql-client"),
            Map.entry("pg_restore", "postgresql-client"),
            Map.entry("psql", "postgresql-client"),
            Map.entry("prometheus", "prometheus"),
            Map.entry("prometheus-node-exporter", "prometheus-node-exporter"));

    private Tool() {}

    /** The Debian/Ubuntu package that installs {@code tool}. */
    public static String debianPackage(String tool) {
        String name = PACKAGES.get(tool);
        if (name == null) {
            throw new IllegalArgumentException(
                    "unknown tool '" + tool + "' in @RequiresTool: add it to Tool.PACKAGES with its package");
        }
        return name;
    }

    public static Optional<Path> find(String tool) {
        debianPackage(tool);
        return directories().stream()
                .map(directory -> directory.resolve(tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** True when a missing tool must fail the test rather than skip it: {@code CI=true} or {@code -Dflightdeck.test.ci=true}. */
    public static boolean mandatory() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("flightdeck.test.ci");
    }

    private static List<Path> directories() {
        String configured = System.getProperty(PATH_PROPERTY);
        List<String> names = new ArrayList<>();
        if (configured != null) {
            names.addAll(List.of(configured.split(File.pathSeparator)));
        } else {
            String path = System.getenv("PATH");
            if (path != null) {
                names.addAll(List.of(path.split(File.pathSeparator)));
            }
            names.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        }
        return names.stream().filter(name -> !name.isBlank()).map(Path::of).toList();
    }
}
