package dev.flightdeck.db.connect;

import java.util.Optional;

/**
 * Where a database password comes from. The returned array belongs to the caller, who wipes it after use;
 * implementations never keep a password in the clear.
 */
@FunctionalInterface
public interface PasswordSource {

    Optional<char[]> passwordFor(ConnectionTarget target);

    /** The server refused the password this source gave; a source that remembers it forgets it. */
    default void rejected(ConnectionTarget target) {}

    /** No password: trust, peer or certificate authentication. */
    static PasswordSource none() {
        return target -> Optional.empty();
    }

    /** This source, else the other one. */
    default PasswordSource orElse(PasswordSource other) {
        PasswordSource first = this;
        return new PasswordSource() {
            @Override
            public Optional<char[]> passwordFor(ConnectionTarget target) {
                Optional<char[]> password = first.passwordFor(target);
                return password.isPresent() ? password : other.passwordFor(target);
            }

            @Override
            public void rejected(ConnectionTarget target) {
                first.rejected(target);
                other.rejected(target);
            }
        };
    }
}
