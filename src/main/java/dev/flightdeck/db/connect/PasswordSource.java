package dev.flightdeck.db.connect;

import java.util.Optional;

/**
 * Where a database password comes from. The returned array belongs to the caller, who wipes it after use;
 * implementations never keep a password in the clear.
 */
@FunctionalInterface
public interface PasswordSource {

    Optional<char[]> passwordFor(ConnectionTarget target);

    /** No password: trust, peer or certificate authentication. */
    static PasswordSource none() {
        return target -> Optional.empty();
    }

    /** This source, else the other one. */
    default PasswordSource orElse(PasswordSource other) {
        return target -> {
            Optional<char[]> first = passwordFor(target);
            return first.isPresent() ? first : other.passwordFor(target);
        };
    }
}
