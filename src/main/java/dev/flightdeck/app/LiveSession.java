package dev.flightdeck.app;

import dev.flightdeck.session.Session;

/** A running session with the services it acts through; closing it closes both. */
public record LiveSession(Session session, SessionServices services) implements AutoCloseable {

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            services.close();
        }
    }
}
