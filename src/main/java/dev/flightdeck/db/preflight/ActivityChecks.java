package dev.flightdeck.db.preflight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks on what other sessions are doing: connections to the database, long transactions, blocked sessions,
 * free connection slots. Sessions are described by pid, user, application and age, never by their query text
 * (which may hold patient data).
 */
final class ActivityChecks {

    private static final String SESSION = "pid || ' (' || coalesce(usename, '?') || ', '"
            + " || coalesce(nullif(application_name, ''), 'no application name') || ')'";

    private final Connection connection;
    private final PreflightThresholds thresholds;

    ActivityChecks(Connection connection, PreflightThresholds thresholds) {
        this.connection = connection;
        this.thresholds = thresholds;
    }

    CheckResult activeConnections() throws SQLException {
        List<String> sessions = strings(
                "SELECT " + SESSION + " FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                        + " ORDER BY pid",
                null);
        if (sessions.isEmpty()) {
            return CheckResult.ok("active connections", "none besides Flightdeck");
        }
        return CheckResult.warning(
                "active connections",
                sessions.size() + ": " + summary(sessions),
                "stop the application before a snapshot or restore; otherwise these sessions will have to be ended");
    }

    CheckResult longTransactions() throws SQLException {
        List<String> sessions = strings(
                "SELECT " + SESSION + " || ' open for ' || date_trunc('second', now() - xact_start)"
                        + " || ' on ' || coalesce(datname, '?') || ', ' || coalesce(state, '?') FROM pg_stat_activity"
                        + " WHERE xact_start < now() - make_interval(secs => ?) AND pid <> pg_backend_pid()"
                        + " ORDER BY xact_start",
                (double) thresholds.longTransaction().toSeconds());
        if (sessions.isEmpty()) {
            return CheckResult.ok(
                    "long-running transactions",
                    "none over " + thresholds.longTransaction().toSeconds() + " s");
        }
        return CheckResult.warning(
                "long-running transactions",
                summary(sessions),
                "a long transaction can hold locks the migration needs and keeps vacuum from cleaning up; find out why it is open");
    }

    CheckResult blockingLocks() throws SQLException {
        List<String> blocked = strings(
                "SELECT 'pid ' || w.pid || ' waits for ' || w.wait_event_type || ' lock held by '"
                        + " || string_agg(b.pid || ' (' || coalesce(b.usename, '?') || ', '"
                        + " || coalesce(nullif(b.application_name, ''), 'no application name') || ')', ', ')"
                        + " FROM pg_stat_activity w JOIN pg_stat_activity b ON b.pid = ANY (pg_blocking_pids(w.pid))"
                        + " GROUP BY w.pid, w.wait_event_type ORDER BY w.pid",
                null);
        if (blocked.isEmpty()) {
            return CheckResult.ok("blocking locks", "no session is waiting for a lock");
        }
        return CheckResult.problem(
                "blocking locks",
                summary(blocked),
                "sessions are blocked behind others; a migration would queue behind the same locks until lock_timeout");
    }

    CheckResult connectionHeadroom() throws SQLException {
        List<String> numbers = strings(
                "SELECT current_setting('max_connections')::int"
                        + " - current_setting('superuser_reserved_connections')::int || '/'"
                        + " || (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')",
                null);
        String[] parts = numbers.get(0).split("/");
        int usable = Integer.parseInt(parts[0]);
        int used = Integer.parseInt(parts[1]);
        int free = usable - used;
        String observed = used + " of " + usable + " connections in use, " + free + " free";
        if (free <= 0) {
            return CheckResult.problem(
                    "max_connections headroom",
                    observed,
                    "no connection slot is free; new connections will be refused");
        }
        if (free < thresholds.spareConnections()) {
            return CheckResult.warning(
                    "max_connections headroom",
                    observed,
                    "fewer than " + thresholds.spareConnections()
                            + " free slots; close idle clients before the window");
        }
        return CheckResult.ok("max_connections headroom", observed);
    }

    private List<String> strings(String sql, Double parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setDouble(1, parameter);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static String summary(List<String> items) {
        List<String> shown = items.subList(0, Math.min(5, items.size()));
        return String.join("; ", shown)
                + (items.size() > shown.size() ? "; and " + (items.size() - shown.size()) + " more" : "");
    }
}
