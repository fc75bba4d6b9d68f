package dev.flightdeck.live;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.session.Session;

/** A running session with the services it acts through; closing it closes both. */
public record LiveSession(Session session, SessionServices services, MetricsEngine metrics) implements AutoCloseable {

    /** Instruments first, then the connections (their closing is journaled), then the journal itself. */
    @Override
    public void close() {
        try {
            metrics.close();
            services.close();
        } finally {
            session.close();
        }
    }
}
