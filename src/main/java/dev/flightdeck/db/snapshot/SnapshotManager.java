package dev.flightdeck.db.snapshot;

import dev.flightdeck.db.admin.DatabaseNames;
import dev.flightdeck.db.admin.DatabaseSwap;
import dev.flightdeck.db.admin.DiskSpace;
import dev.flightdeck.db.admin.ExclusiveAccess;
import dev.flightdeck.db.admin.MaintenanceSession;
import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.place.CommandPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Snapshots by {@code CREATE DATABASE <db>_fd_<ts> TEMPLATE <db>} and rollback by swapping the snapshot back
 * into place. Free disk on the database host is checked first, through the command place.
 */
public final class SnapshotManager {

    private final MaintenanceSession maintenance;
    private final CommandPlace databaseHost;
    private final Clock clock;
    private final DatabaseEventListener events;

    /** @param databaseHost where the server's data directory is (the database host over SSH, or this computer) */
    public SnapshotManager(
            MaintenanceSession maintenance, CommandPlace databaseHost, Clock clock, DatabaseEventListener events) {
        this.maintenance = maintenance;
        this.databaseHost = databaseHost;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param pools Flightdeck's own pools on the database, quiesced while the copy is taken
     */
    public SnapshotRecord create(
            String inventoryName, String database, OperatorConsent consent, List<DatabasePool> pools) {
        long size = maintenance.databaseSize(database);
        DiskSpace.require(
                databaseHost, maintenance.dataDirectory(), DiskSpace.neededFor(size), "a snapshot of " + database);
        Instant at = clock.instant();
        String snapshot = DatabaseNames.snapshot(database, at);
        long start = System.nanoTime();
        try (ExclusiveAccess access =
                ExclusiveAccess.acquire(maintenance, database, consent, pools, inventoryName, events)) {
            maintenance.copyDatabase(database, snapshot);
            maintenance.allowConnections(snapshot, false);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        events.onEvent(
                new DatabaseEvent.SnapshotCreated(inventoryName, clock.instant(), database, snapshot, size, elapsed));
        return new SnapshotRecord(inventoryName, database, snapshot, size, at, elapsed);
    }

    /** Rollback: the snapshot takes the database's name again; the changed database is kept aside. */
    public DatabaseSwap.SwapResult swapBack(
            SnapshotRecord snapshot, OperatorConsent consent, List<DatabasePool> pools) {
        if (!maintenance.exists(snapshot.snapshot())) {
            throw new DatabaseException(
                    DatabaseErrorCode.SNAPSHOT_MISSING,
                    "snapshot " + snapshot.snapshot() + " of " + snapshot.source()
                            + " no longer exists; restore from the verified backup instead");
        }
        return new DatabaseSwap(maintenance, clock, events)
                .swap(snapshot.source(), snapshot.snapshot(), consent, pools, snapshot.inventoryName());
    }

    /** Drops a snapshot or a set-aside database once the window is over and nobody needs it. */
    public void discard(String copyName) {
        if (!copyName.contains("_fd_")) {
            throw new DatabaseException(
                    DatabaseErrorCode.INVALID_REQUEST,
                    copyName + " is not a database Flightdeck created; refusing to drop it");
        }
        maintenance.drop(copyName);
    }
}
