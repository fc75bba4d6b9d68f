package dev.flightdeck.db.event;

/** Receives events as they happen (the session engine journals them); called on the worker thread. */
@FunctionalInterface
public interface DatabaseEventListener {

    void onEvent(DatabaseEvent event);

    static DatabaseEventListener ignoring() {
        return event -> {};
    }
}
