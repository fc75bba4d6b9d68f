package dev.flightdeck.app.cli;

import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshTarget;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks on the terminal for the passphrase of an encrypted SSH key, or as a last resort a login password; never
 * stored (the SSH layer wipes what it is given). Without a terminal nothing is asked and the key is skipped.
 */
final class TerminalCredentials implements Credentials {

    @Override
    public Optional<char[]> passphrase(Path identity) {
        return ask("Passphrase for SSH key " + identity + ": ");
    }

    @Override
    public Optional<char[]> password(SshTarget target) {
        return ask("Password for " + target.describe() + " (keys were refused): ");
    }

    private static Optional<char[]> ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword(prompt);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }
}
