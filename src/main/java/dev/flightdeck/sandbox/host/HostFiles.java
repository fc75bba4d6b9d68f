package dev.flightdeck.sandbox.host;

import dev.flightdeck.sandbox.database.ClinicDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Lays out a sandbox host's "filesystem" (its directory): for an app host the releases {@code v1} and {@code v2},
 * the {@code current} link on v1, the service state in {@code run/} and {@code clinicctl} in {@code bin/}; for the
 * database host the migrations in {@code migrations/} and a {@code backups/} directory for dumps.
 */
public final class HostFiles {

    public static final List<String> RELEASES = List.of("v1", "v2");

    private HostFiles() {}

    public static void appHost(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("run"));
        Files.createDirectories(directory.resolve("backups"));
        for (String release : RELEASES) {
            Path folder = Files.createDirectories(directory.resolve("releases").resolve(release));
            Files.writeString(folder.resolve("VERSION"), release + "\n", StandardCharsets.UTF_8);
            Files.writeString(
                    folder.resolve("clinic-app.properties"),
                    """
                    # clinic-app %s (Flightdeck rehearsal sandbox)
                    schema=%s
                    patients.table=%s
                    """.formatted(
                            release, release.equals("v1") ? 1 : 2, release.equals("v1") ? "clients_hipaa" : "patients"),
                    StandardCharsets.UTF_8);
        }
        Files.createSymbolicLink(directory.resolve("current"), Path.of("releases", "v1"));
        Files.writeString(directory.resolve("run/desired"), "running\n", StandardCharsets.UTF_8);
        executable(directory.resolve("bin/clinicctl"), "bin/clinicctl");
    }

    public static void databaseHost(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("backups"));
        Path migrations = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                migrations.resolve("001_v1_to_v2.sql"),
                ClinicDatabase.resource("migrate-v1-to-v2.sql"),
                StandardCharsets.UTF_8);
        Files.writeString(
                migrations.resolve("001_rollback_v2_to_v1.sql"),
                ClinicDatabase.resource("migrate-v2-to-v1.sql"),
                StandardCharsets.UTF_8);
        Files.createDirectories(directory.resolve("bin"));
    }

    private static void executable(Path target, String resource) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = HostFiles.class.getResourceAsStream("/sandbox/" + resource)) {
            if (in == null) {
                throw new IOException("sandbox resource " + resource + " is missing from the build");
            }
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
