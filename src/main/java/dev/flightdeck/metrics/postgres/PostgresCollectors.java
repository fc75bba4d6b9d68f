package dev.flightdeck.metrics.postgres;

import dev.flightdeck.db.admin.DatabaseNames;
import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.inventory.DatabaseEntry;
import java.time.Clock;
import java.time.Duration;

/** Builds the PostgreSQL collector of an inventory database. */
public final class PostgresCollectors {

    /**
     * One connection, and short limits: a reading that takes seconds is itself a sign of trouble, and must never hold
     * a lock for long. The socket timeout sits above the statement timeout, as for every Flightdeck pool.
     */
    public static final PoolSettings SETTINGS = new PoolSettings(
            1, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(7));

    private PostgresCollectors() {}

    /**
     * A collector reading through its own connection to the server's maintenance database ({@code postgres}), never to
     * the watched database itself: a snapshot or a swap of that database must not find Flightdeck's reader among the
     * sessions it has to end. Same user and password source as the steps, so the password is asked at most once.
     */
    public static PostgresCollector forDatabase(
            DatabaseEntry entry, PasswordSource passwords, Duration interval, Clock clock) {
        ConnectionTarget target = ConnectionTarget.of(entry);
        DatabasePool pool = DatabasePool.open(
                target.withDatabase(DatabaseNames.maintenanceFor(entry.database())), passwords, SETTINGS);
        return new PostgresCollector(entry.name(), pool, entry.database(), interval, clock);
    }
}
