package dev.flightdeck.db.admin;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Has a database to itself for a snapshot, swap or restore: Flightdeck's own pools on it are quiesced, new
 * connections are refused ({@code ALLOW_CONNECTIONS false}) and the remaining sessions are ended, but only with
 * the operator's consent. Closing lets connections in again under the same name (which, after a swap, is the
 * database swapped in) and resumes the pools.
 */
public final class ExclusiveAccess implements AutoCloseable {

    private static final Duration OWN_SESSIONS_GRACE = Duration.ofSeconds(2);

    private final MaintenanceSession maintenance;
    private final String database;
    private final List<DatabasePool> pools;

    private ExclusiveAccess(MaintenanceSession maintenance, String database, List<DatabasePool> pools) {
        this.maintenance = maintenance;
        this.database = database;
        this.pools = pools;
    }

    /**
     * @param pools Flightdeck's own pools on this database, quiesced for the duration
     * @param inventoryName the name events carry
     */
    public static ExclusiveAccess acquire(
            MaintenanceSession maintenance,
            String database,
            OperatorConsent consent,
            List<DatabasePool> pools,
            String inventoryName,
            DatabaseEventListener events) {
        maintenance.requireExists(database);
        pools.forEach(DatabasePool::quiesce);
        ExclusiveAccess access = new ExclusiveAccess(maintenance, database, pools);
        try {
            maintenance.allowConnections(database, false);
            List<BackendSession> others = sessionsAfterOwnPoolsLeft(maintenance, database);
            if (!others.isEmpty()) {
                requireConsent(database, consent, others);
                maintenance.terminate(others);
                events.onEvent(new DatabaseEvent.SessionsTerminated(
                        inventoryName,
                        Instant.now(),
                        database,
                        others.stream().map(BackendSession::processId).toList()));
                requireNoneLeft(maintenance, database);
            }
            return access;
        } catch (RuntimeException e) {
            access.close();
            throw e;
        }
    }

    /**
     * HikariCP closes evicted connections on a background thread, so Flightdeck's own sessions can linger for a
     * moment (they carry {@code application_name=flightdeck}); give them up to two seconds before treating what is
     * left as someone else's.
     */
    private static List<BackendSession> sessionsAfterOwnPoolsLeft(MaintenanceSession maintenance, String database) {
        long deadline = System.nanoTime() + OWN_SESSIONS_GRACE.toNanos();
        List<BackendSession> sessions = maintenance.sessionsOn(database);
        while (sessions.stream().anyMatch(ExclusiveAccess::isFlightdecks) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sessions = maintenance.sessionsOn(database);
        }
        return sessions;
    }

    private static boolean isFlightdecks(BackendSession session) {
        return session.application().equals("flightdeck");
    }

    private static void requireConsent(String database, OperatorConsent consent, List<BackendSession> others) {
        if (!consent.granted()) {
            throw new DatabaseException(
                    DatabaseErrorCode.CONSENT_REQUIRED,
                    others.size()
                            + " other session(s) are connected to " + database + ": "
                            + others.stream().map(BackendSession::describe).collect(Collectors.joining("; "))
                            + ". Stop the application, or confirm that Flightdeck may end these sessions.");
        }
    }

    private static void requireNoneLeft(MaintenanceSession maintenance, String database) {
        List<BackendSession> left = maintenance.sessionsOn(database);
        if (!left.isEmpty()) {
            throw new DatabaseException(
                    DatabaseErrorCode.CONSENT_REQUIRED,
                    "sessions on " + database + " did not end within 5 s: "
                            + left.stream().map(BackendSession::describe).collect(Collectors.joining("; ")));
        }
    }

    @Override
    public void close() {
        try {
            if (maintenance.exists(database)) {
                maintenance.allowConnections(database, true);
            }
        } finally {
            pools.forEach(DatabasePool::resume);
        }
    }
}
