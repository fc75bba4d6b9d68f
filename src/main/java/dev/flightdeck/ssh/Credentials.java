package dev.flightdeck.ssh;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the operator for secrets when a connection needs them. Returned arrays belong to the caller, which
 * wipes them right after use; nothing is stored.
 */
public interface Credentials {

    /** Never asks: encrypted keys are skipped and password login is not attempted. */
    Credentials NONE = new Credentials() {};

    /** The passphrase of an encrypted private key. */
    default Optional<char[]> passphrase(Path identity) {
        return Optional.empty();
    }

    /** A login password, the last resort after keys and the agent. */
    default Optional<char[]> password(SshTarget target) {
        return Optional.empty();
    }
}
