package dev.flightdeck.db.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of the databases Flightdeck creates next to a database: {@code <db>_fd_<timestamp>} for snapshots,
 * {@code <db>_fd_aside_<timestamp>} for a replaced database kept for inspection, {@code <db>_fd_restore_<timestamp>}
 * for a restore in progress. All stay within PostgreSQL's 63-byte limit by shortening the database part.
 */
public final class DatabaseNames {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private DatabaseNames() {}

    public static String snapshot(String database, Instant at) {
        return derived(database, "_fd_" + STAMP.format(at));
    }

    public static String setAside(String database, Instant at) {
        return derived(database, "_fd_aside_" + STAMP.format(at));
    }

    public static String restoreTarget(String database, Instant at) {
        return derived(database, "_fd_restore_" + STAMP.format(at));
    }

    /** The maintenance database to run CREATE/ALTER DATABASE from (never the database being changed). */
    public static String maintenanceFor(String database) {
        return database.equals("postgres") ? "template1" : "postgres";
    }

    private static String derived(String database, String suffix) {
        String prefix = database;
        while ((prefix + suffix).getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_LENGTH) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + suffix;
    }
}
