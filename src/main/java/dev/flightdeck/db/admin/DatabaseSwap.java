package dev.flightdeck.db.admin;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Puts one database in place of another by renaming, in one transaction: the current one is set aside
 * ({@code <db>_fd_aside_<ts>}, connections refused, kept for inspection), the replacement takes its name.
 * Seconds at any size: no data is copied.
 */
public final class DatabaseSwap {

    private final MaintenanceSession maintenance;
    private final Clock clock;
    private final DatabaseEventListener events;

    public DatabaseSwap(MaintenanceSession maintenance, Clock clock, DatabaseEventListener events) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.events = events;
    }

    /** What a swap did and how long the database was unavailable. */
    public record SwapResult(String database, String restoredFrom, String setAside, Duration elapsed) {}

    /**
     * @param pools Flightdeck's pools on {@code database}; quiesced during the swap and then pointed at the replacement
     */
    public SwapResult swap(
            String database,
            String replacement,
            OperatorConsent consent,
            List<DatabasePool> pools,
            String inventoryName) {
        maintenance.requireExists(replacement);
        long start = System.nanoTime();
        Instant at = clock.instant();
        String aside = DatabaseNames.setAside(database, at);
        try (ExclusiveAccess access =
                ExclusiveAccess.acquire(maintenance, database, consent, pools, inventoryName, events)) {
            maintenance.allowConnections(replacement, false);
            List<BackendSession> onReplacement = maintenance.sessionsOn(replacement);
            maintenance.terminate(onReplacement);
            maintenance.inOneTransaction(List.of(
                    "ALTER DATABASE " + Identifiers.quote(database) + " RENAME TO " + Identifiers.quote(aside),
                    "ALTER DATABASE " + Identifiers.quote(replacement) + " RENAME TO " + Identifiers.quote(database),
                    "ALTER DATABASE " + Identifiers.quote(database) + " ALLOW_CONNECTIONS true"));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        events.onEvent(new DatabaseEvent.SnapshotSwapped(inventoryName, clock.instant(), replacement, aside, elapsed));
        return new SwapResult(database, replacement, aside, elapsed);
    }
}
