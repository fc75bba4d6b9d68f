package dev.flightdeck.db.preflight;

import dev.flightdeck.db.admin.DiskSpace;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.CommandPlace;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Checks on the server and its host: version, size, free disk, standby state and replication lag. */
final class ServerChecks {

    /** PostgreSQL majors below this are out of community support. */
    private static final int OLDEST_SUPPORTED = 130000;

    private final Connection connection;
    private final CommandPlace databaseHost;
    private final PreflightThresholds thresholds;

    ServerChecks(Connection connection, CommandPlace databaseHost, PreflightThresholds thresholds) {
        this.connection = connection;
        this.databaseHost = databaseHost;
        this.thresholds = thresholds;
    }

    CheckResult serverVersion() throws SQLException {
        String version = value("SHOW server_version");
        int number = Integer.parseInt(value("SHOW server_version_num"));
        if (number < OLDEST_SUPPORTED) {
            return CheckResult.warning(
                    "server version", version, "this PostgreSQL version no longer receives security fixes");
        }
        return CheckResult.ok("server version", version);
    }

    long databaseSize() throws SQLException {
        return Long.parseLong(value("SELECT pg_database_size(current_database())"));
    }

    CheckResult databaseSize(long bytes) {
        return CheckResult.ok("database size", DiskSpace.human(bytes));
    }

    /** Free disk where a snapshot would be written (the data directory) on the database host. */
    CheckResult snapshotDisk(long databaseBytes) {
        Optional<String> dataDirectory = dataDirectory();
        if (dataDirectory.isEmpty()) {
            return CheckResult.warning(
                    "free disk for a snapshot",
                    "data directory not visible to this user",
                    "grant pg_read_all_settings to the user, or check free disk on the database host by hand");
        }
        return diskCheck("free disk for a snapshot", dataDirectory.get(), DiskSpace.neededFor(databaseBytes));
    }

    /** Free disk in the backup directory; a dump is rarely larger than the database itself. */
    CheckResult backupDisk(String directory, long databaseBytes) {
        return diskCheck("free disk for a backup", directory, databaseBytes);
    }

    CheckResult replication() throws SQLException {
        if (Boolean.parseBoolean(value("SELECT pg_is_in_recovery()::text"))) {
            return CheckResult.problem(
                    "replication",
                    "this server is a read-only standby",
                    "point the inventory at the primary; a standby cannot be migrated");
        }
        String lagging = value("SELECT coalesce(string_agg(coalesce(application_name, client_addr::text) || ' '"
                + " || coalesce(date_trunc('second', replay_lag)::text, 'no lag reported'), '; '), '')"
                + " FROM pg_stat_replication");
        String maxLag =
                value("SELECT coalesce(max(extract(epoch FROM replay_lag)), 0)::bigint FROM pg_stat_replication");
        if (lagging.isEmpty()) {
            return CheckResult.ok("replication", "no replicas connected");
        }
        if (Long.parseLong(maxLag) > thresholds.replicationLag().toSeconds()) {
            return CheckResult.warning(
                    "replication",
                    lagging,
                    "replicas are more than " + thresholds.replicationLag().toSeconds()
                            + " s behind; wait for them to catch up");
        }
        return CheckResult.ok("replication", lagging);
    }

    private CheckResult diskCheck(String check, String path, long needed) {
        try {
            long free = databaseHost.freeBytes(path);
            String observed = DiskSpace.human(free) + " free at " + path + " on " + databaseHost.describe() + ", about "
                    + DiskSpace.human(needed) + " needed";
            if (free < needed) {
                return CheckResult.problem(check, observed, "free disk space before taking the copy");
            }
            return free < needed * 2
                    ? CheckResult.warning(check, observed, "less than twice the space needed")
                    : CheckResult.ok(check, observed);
        } catch (DatabaseException | UncheckedIOException e) {
            return CheckResult.warning(check, "could not measure free disk at " + path, e.getMessage());
        }
    }

    private Optional<String> dataDirectory() {
        try {
            return Optional.of(value("SHOW data_directory"));
        } catch (SQLException permissionDenied) {
            return Optional.empty();
        }
    }

    private String value(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
