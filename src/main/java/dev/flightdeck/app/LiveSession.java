package dev.flightdeck.app;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.session.Session;

/** A running session with the services it acts through; closing it closes both. */
public record LiveSession(Session session, SessionServices services, MetricsEngine metrics) implements AutoCloseable {

    @Override
    public void close() {
        try {
            metrics.close();
            session.close();
        } finally {
            services.close();
        }
    }
}
