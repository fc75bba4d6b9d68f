package dev.flightdeck.db.place;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.ssh.CommandOutcome;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.OutputStreamKind;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The database host, over the session's SSH connection. The password never appears in a command line: it is
 * written to the remote shell's stdin, read into {@code PGPASSWORD} and exported to the tool it then {@code exec}s.
 */
public final class SshCommandPlace implements CommandPlace {

    private static final Duration QUICK = Duration.ofSeconds(30);

    private final SshSessions sessions;
    private final SshTarget host;

    public SshCommandPlace(SshSessions sessions, SshTarget host) {
        this.sessions = sessions;
        this.host = host;
    }

    @Override
    public ToolResult run(ToolInvocation invocation) {
        StringBuilder command = new StringBuilder();
        invocation
                .environment()
                .forEach((name, value) -> command.append("export ")
                        .append(name)
                        .append('=')
                        .append(ShellQuoting.quote(value))
                        .append("; "));
        byte[] stdin = new byte[0];
        if (invocation.password().isPresent()) {
            command.append("IFS= read -r PGPASSWORD && export PGPASSWORD && ");
            char[] password = invocation.password().get().reveal();
            try {
                stdin = (new String(password) + "\n").getBytes(StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        command.append("exec ").append(invocation.shellCommand());
        CommandResult result = exec(command.toString(), invocation.timeout(), stdin);
        boolean timedOut = !(result.outcome() instanceof CommandOutcome.Completed);
        int exit = result.exitCode().orElse(-1);
        return new ToolResult(
                exit,
                invocation.stdoutFile().isPresent() ? "" : text(result, OutputStreamKind.STDOUT),
                text(result, OutputStreamKind.STDERR) + outcomeNote(result),
                result.duration(),
                timedOut);
    }

    @Override
    public long freeBytes(String path) {
        // the nearest existing directory, as df needs one; -P for one line per file system, -k for KiB
        String script = "p=" + ShellQuoting.quote(path)
                + "; while [ ! -e \"$p\" ] && [ \"$p\" != / ]; do p=$(dirname \"$p\"); done; "
                + "df -Pk \"$p\" | awk 'NR==2 {print $4}'";
        return Long.parseLong(quick(script, "free disk space of " + path).strip()) * 1024;
    }

    @Override
    public Optional<String> locate(String tool) {
        CommandResult result = exec("command -v " + ShellQuoting.quote(tool), QUICK, new byte[0]);
        String found = text(result, OutputStreamKind.STDOUT).strip();
        return result.exitCode().filter(code -> code == 0).isPresent() && !found.isEmpty()
                ? Optional.of(found)
                : Optional.empty();
    }

    @Override
    public long fileSize(String path) {
        return Long.parseLong(quick("stat -c %s " + ShellQuoting.quote(path), "the size of " + path)
                .strip());
    }

    @Override
    public String sha256(String path) {
        return quick("sha256sum " + ShellQuoting.quote(path), "the SHA-256 of " + path)
                .strip()
                .split("\\s+")[0];
    }

    @Override
    public String describe() {
        return host.name() + " (over SSH)";
    }

    private String quick(String command, String what) {
        CommandResult result = exec(command, QUICK, new byte[0]);
        if (result.exitCode().filter(code -> code == 0).isEmpty()) {
            throw new DatabaseException(
                    DatabaseErrorCode.TOOL_FAILED,
                    "could not read " + what + " on " + describe() + ": "
                            + (text(result, OutputStreamKind.STDERR).strip() + outcomeNote(result)).strip());
        }
        return text(result, OutputStreamKind.STDOUT);
    }

    private CommandResult exec(String command, Duration timeout, byte[] stdin) {
        try {
            return sessions.exec(
                    host,
                    CommandRequest.of(command)
                            .withDeadline(timeout)
                            .capturingBytes()
                            .withStdin(stdin));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(
                    DatabaseErrorCode.TOOL_FAILED, "interrupted while running a tool on " + describe(), e);
        }
    }

    private static String text(CommandResult result, OutputStreamKind stream) {
        byte[] bytes = stream == OutputStreamKind.STDOUT ? result.stdout() : result.stderr();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String outcomeNote(CommandResult result) {
        if (result.outcome() instanceof CommandOutcome.Unknown unknown) {
            return "\n" + unknown.reason();
        }
        if (result.outcome() instanceof CommandOutcome.FailedToStart notStarted) {
            return "\n" + notStarted.reason();
        }
        return "";
    }
}
