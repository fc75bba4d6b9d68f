package dev.flightdeck.sandbox;

import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.place.ToolInvocation;
import dev.flightdeck.db.place.ToolResult;
import dev.flightdeck.sandbox.error.SandboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rehearsal needs on this computer beyond the JDK, checked before the sandbox starts anything: the PostgreSQL
 * client tools ({@code pg_dump}, {@code pg_restore}, {@code psql}, 15 or newer) that its backup and restore steps run on
 * db1, which is this computer. Everything else is inside Flightdeck: the database server (embedded PostgreSQL 15), the SSH
 * hosts (Apache MINA SSHD in-process), the SSH client (JSch) and the keys (made in Java). OpenSSH is not needed.
 *
 * <p>The client tools are checked, not bundled: no well-kept distribution of them exists as a Java dependency (the
 * embedded server's binaries carry only {@code initdb}, {@code pg_ctl} and {@code postgres}), and the platform's own
 * packages get security updates that a copy inside Flightdeck would not. The .deb declares {@code postgresql-client}.
 */
public final class SandboxRequirements {

    /** The major version of the sandbox's PostgreSQL server: pg_dump refuses servers newer than itself. */
    public static final int POSTGRES_MAJOR = 15;

    public static final List<String> POSTGRES_TOOLS = List.of("pg_dump", "pg_restore", "psql");

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);

    private SandboxRequirements() {}

    /**
     * Nothing when this computer has what the rehearsal needs; otherwise what is missing and what to install here.
     *
     * @param environment the environment the sandbox's hosts get their PATH from
     * @param osRelease   {@code /etc/os-release} (or another file of that format) to name this platform's package
     */
    public static Optional<String> problem(Map<String, String> environment, Path osRelease) {
        LocalCommandPlace thisComputer = new LocalCommandPlace(Map.of("PATH", path(environment)));
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String tool : POSTGRES_TOOLS) {
            Optional<String> executable = thisComputer.locate(tool);
            if (executable.isEmpty()) {
                missing.add(tool);
                continue;
            }
            versionProblem(thisComputer, tool, executable.get()).ifPresent(wrong::add);
        }
        if (missing.isEmpty() && wrong.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(
                        "the rehearsal's backup and restore steps need the PostgreSQL client tools ")
                .append(POSTGRES_MAJOR)
                .append(" or newer (")
                .append(String.join(", ", POSTGRES_TOOLS))
                .append(") on this computer");
        if (!missing.isEmpty()) {
            message.append("; not found on the PATH: ").append(String.join(", ", missing));
        }
        if (!wrong.isEmpty()) {
            message.append("; ").append(String.join("; ", wrong));
        }
        message.append(". Install them: ")
                .append(installAdvice(System.getProperty("os.name", ""), osRelease))
                .append(". Nothing was started.");
        return Optional.of(message.toString());
    }

    /** Throws {@link SandboxException.Code#TOOL_MISSING} with {@link #problem} when something is missing. */
    public static void require(Map<String, String> environment) {
        problem(environment, Path.of("/etc/os-release")).ifPresent(problem -> {
            throw new SandboxException(SandboxException.Code.TOOL_MISSING, problem);
        });
    }

    /** The PATH the sandbox's hosts get: the given environment's, else this process's, else the POSIX default. */
    static String path(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            path = System.getenv("PATH");
        }
        return path == null ? "/usr/local/bin:/usr/bin:/bin" : path;
    }

    private static Optional<String> versionProblem(LocalCommandPlace place, String tool, String executable) {
        ToolResult result;
        try {
            result = place.run(ToolInvocation.of(List.of(executable, "--version"), VERSION_TIMEOUT));
        } catch (DatabaseException e) {
            return Optional.of(executable + " does not start (" + e.getMessage() + ")");
        }
        String output = (result.stdout() + " " + result.stderr()).strip();
        Matcher version = VERSION.matcher(output);
        if (result.exitCode() != 0 || !version.find()) {
            return Optional.of(executable + " --version does not answer like " + tool + " (exit " + result.exitCode()
                    + ": " + firstLine(output) + ")");
        }
        int major = Integer.parseInt(version.group(1));
        if (major < POSTGRES_MAJOR) {
            return Optional.of(
                    executable + " is version " + major + ", older than the sandbox's PostgreSQL " + POSTGRES_MAJOR);
        }
        return Optional.empty();
    }

    /** The command that installs the client tools on this platform, as its users would type it. */
    static String installAdvice(String osName, Path osRelease) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "brew install libpq, then put $(brew --prefix libpq)/bin on the PATH";
        }
        if (os.contains("windows")) {
            return "the PostgreSQL installer from postgresql.org (component \"Command Line Tools\"), with its bin folder on the PATH";
        }
        String distribution = distribution(osRelease);
        if (distribution.matches(".*\\b(debian|ubuntu)\\b.*")) {
            return "sudo apt install postgresql-client (Debian 12 and Ubuntu 24.04 bring version 15 or newer;"
                    + " on older releases add apt.postgresql.org first)";
        }
        if (distribution.matches(".*\\b(fedora|rhel|centos|rocky|almalinux)\\b.*")) {
            return "sudo dnf install postgresql (version 15 or newer: on RHEL 9, dnf module enable postgresql:15 first)";
        }
        if (distribution.matches(".*\\b(suse|opensuse)\\b.*")) {
            return "sudo zypper install postgresql15";
        }
        if (distribution.matches(".*\\barch\\b.*")) {
            return "sudo pacman -S postgresql";
        }
        if (distribution.matches(".*\\balpine\\b.*")) {
            return "sudo apk add postgresql15-client";
        }
        return "your distribution's PostgreSQL client package (Debian/Ubuntu: postgresql-client; Fedora/RHEL: postgresql)";
    }

    private static String distribution(Path osRelease) {
        try {
            StringBuilder ids = new StringBuilder();
            for (String line : Files.readAllLines(osRelease, StandardCharsets.UTF_8)) {
                if (line.startsWith("ID=") || line.startsWith("ID_LIKE=")) {
                    ids.append(' ')
                            .append(line.substring(line.indexOf('=') + 1)
                                    .replace("\"", "")
                                    .toLowerCase(Locale.ROOT));
                }
            }
            return ids.toString();
        } catch (IOException unknown) {
            return "";
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
