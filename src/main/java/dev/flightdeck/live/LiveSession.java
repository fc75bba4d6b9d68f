package dev.flightdeck.live;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.notify.Notifications;
import dev.flightdeck.session.Session;

/** A running session with the services it acts through and its notifications' outbox; closing it closes them all. */
public record LiveSession(Session session, SessionServices services, MetricsEngine metrics, Notifications notifications)
        implements AutoCloseable {

    /**
     * Instruments first, then the notifications still on their way (a bounded wait, so the approvers hear of the gate
     * a run stopped at; what is left is journaled as not delivered), then the connections (their closing is journaled),
     * then the journal itself.
     */
    @Override
    public void close() {
        try {
            metrics.close();
            notifications.close();
            services.close();
        } finally {
            session.close();
        }
    }
}
