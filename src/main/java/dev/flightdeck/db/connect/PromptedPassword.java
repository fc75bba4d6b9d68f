package dev.flightdeck.db.connect;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A password the operator types once per database: asked on first use, then kept sealed so that the
 * pool can reconnect (after a restart) without asking again. {@link #forget()} discards it.
 */
public final class PromptedPassword implements PasswordSource, AutoCloseable {

    private final Supplier<char[]> prompt;
    private SealedSecret sealed;

    /** @param prompt asks the operator; returns null or an empty array when they cancel */
    public PromptedPassword(Supplier<char[]> prompt) {
        this.prompt = prompt;
    }

    @Override
    public synchronized Optional<char[]> passwordFor(ConnectionTarget target) {
        if (sealed == null) {
            char[] typed = prompt.get();
            if (typed == null || typed.length == 0) {
                return Optional.empty();
            }
            sealed = new SealedSecret(typed);
        }
        return Optional.of(sealed.reveal());
    }

    @Override
    public void rejected(ConnectionTarget target) {
        forget();
    }

    /** Discards the remembered password (after an authentication failure, or at the end of the window). */
    public synchronized void forget() {
        if (sealed != null) {
            sealed.close();
            sealed = null;
        }
    }

    @Override
    public void close() {
        forget();
    }
}
