package dev.flightdeck.sandbox.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.shell.ProcessShell;

/**
 * One exec request on a sandbox host: {@code /bin/sh} started in the host's directory with the host's environment
 * (its {@code bin/} first on the PATH, HOME at its directory), running the command exactly as sent.
 */
final class HostShell extends ProcessShell {

    /** {@code cd} first so relative paths mean the host's "filesystem"; {@code eval} runs the command text unchanged. */
    private static final String ENTER_HOST = "cd \"$HOME\" || exit 1; eval \"$1\"";

    private final Map<String, String> environment;

    HostShell(String command, Map<String, String> environment) {
        super(List.of("/bin/sh", "-c", ENTER_HOST, "sh", command));
        this.environment = Map.copyOf(environment);
    }

    @Override
    protected Map<String, String> resolveShellEnvironment(Map<String, String> requested) {
        Map<String, String> resolved = new HashMap<>(super.resolveShellEnvironment(requested));
        resolved.putAll(environment);
        return resolved;
    }
}
