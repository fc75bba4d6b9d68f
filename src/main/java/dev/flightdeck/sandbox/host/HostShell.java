package dev.flightdeck.sandbox.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.sshd.server.shell.ProcessShell;

/**
 * One exec request on a sandbox host: {@code /bin/sh} started in the host's directory with the host's environment
 * only (its {@code bin/} first on the PATH, HOME at its directory), running the command exactly as sent. The
 * Flightdeck process's own environment is not passed on ({@code env -i}): a host does not see the operator's
 * variables, such as a journal passphrase, just as a real server would not.
 */
final class HostShell extends ProcessShell {

    /** {@code cd} first so relative paths mean the host's "filesystem"; {@code eval} runs the command text unchanged. */
    private static final String ENTER_HOST = "cd \"$HOME\" || exit 1; eval \"$1\"";

    HostShell(String command, Map<String, String> environment) {
        super(commandLine(command, environment));
    }

    private static List<String> commandLine(String command, Map<String, String> environment) {
        List<String> words = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        new TreeMap<>(environment).forEach((name, value) -> words.add(name + "=" + value));
        words.addAll(List.of("/bin/sh", "-c", ENTER_HOST, "sh", command));
        return words;
    }
}
