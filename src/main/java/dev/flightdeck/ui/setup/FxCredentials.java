package dev.flightdeck.ui.setup;

import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshTarget;
import java.nio.file.Path;
import java.util.Optional;

/** Asks in a dialog for an encrypted SSH key's passphrase, or a login password as a last resort; never stored. */
public final class FxCredentials implements Credentials {

    @Override
    public Optional<char[]> passphrase(Path identity) {
        return Optional.ofNullable(
                new FxPasswordPrompt("the SSH key " + identity, "kept in memory for this session, never stored").get());
    }

    @Override
    public Optional<char[]> password(SshTarget target) {
        return Optional.ofNullable(
                new FxPasswordPrompt("logging in to " + target.describe(), "the keys were refused; never stored")
                        .get());
    }
}
