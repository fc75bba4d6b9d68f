package dev.flightdeck.db.place;

import dev.flightdeck.db.connect.SealedSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program to run with its arguments as separate words (never a shell string built from values),
 * optional stdin/stdout files, environment additions and the database password to deliver as PGPASSWORD.
 */
public record ToolInvocation(
        List<String> argv,
        Optional<String> stdinFile,
        Optional<String> stdoutFile,
        Map<String, String> environment,
        Optional<SealedSecret> password,
        Duration timeout) {

    public ToolInvocation {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a tool invocation needs a program");
        }
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    public static ToolInvocation of(List<String> argv, Duration timeout) {
        return new ToolInvocation(argv, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), timeout);
    }

    public ToolInvocation readingFrom(String file) {
        return new ToolInvocation(argv, Optional.of(file), stdoutFile, environment, password, timeout);
    }

    public ToolInvocation writingTo(String file) {
        return new ToolInvocation(argv, stdinFile, Optional.of(file), environment, password, timeout);
    }

    public ToolInvocation withPassword(Optional<SealedSecret> secret) {
        return new ToolInvocation(argv, stdinFile, stdoutFile, environment, secret, timeout);
    }

    /**
     * The command as a POSIX shell would run it, every word quoted; what an SSH place sends and what the
     * journal records (it holds no secret: the password travels in the environment).
     */
    public String shellCommand() {
        StringBuilder command = new StringBuilder(ShellQuoting.join(argv));
        stdinFile.ifPresent(file -> command.append(" < ").append(ShellQuoting.quote(file)));
        stdoutFile.ifPresent(file -> command.append(" > ").append(ShellQuoting.quote(file)));
        return command.toString();
    }
}
