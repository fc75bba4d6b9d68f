package dev.flightdeck.sandbox.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What one release of the clinic app answers. v1 reads the v1 schema ({@code clients_hipaa.client_name}), v2 the
 * refactored one ({@code patients.full_name}); with the fault switch on, v2 fails every 20th API request (5 %) and
 * takes three times as long, the regression the rehearsal's rollback triggers must catch.
 */
final class ClinicApi {

    private static final Pattern PATIENT = Pattern.compile("/api/patients/(\\d{1,9})");
    private static final Pattern PATIENT_VISITS = Pattern.compile("/api/patients/(\\d{1,9})/visits");
    private static final int FAULT_EVERY = 20;

    private final String version;
    private final DataSource database;
    private final BooleanSupplier fault;
    private final RequestMetrics metrics = new RequestMetrics();
    private final AtomicLong requests = new AtomicLong();

    ClinicApi(String version, DataSource database, BooleanSupplier fault) {
        this.version = version;
        this.database = database;
        this.fault = fault;
    }

    HttpAnswer answer(String path) {
        if (path.equals("/metrics")) {
            return HttpAnswer.text(200, metrics.render(version));
        }
        long started = System.nanoTime();
        HttpAnswer answer = faulty() && requests.incrementAndGet() % FAULT_EVERY == 0
                ? HttpAnswer.json(
                        500, "{\"error\":\"NullPointerException in PatientMapper (clinic-app " + version + ")\"}")
                : route(path);
        if (faulty()) {
            slowDown(System.nanoTime() - started);
        }
        metrics.record(answer.status(), (System.nanoTime() - started) / 1e9);
        return answer;
    }

    private boolean faulty() {
        return version.equals("v2") && fault.getAsBoolean();
    }

    /** The fault's 3× latency: the request waits twice as long again as the work took. */
    private static void slowDown(long workNanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(2 * Math.max(workNanos, TimeUnit.MILLISECONDS.toNanos(2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpAnswer route(String path) {
        try {
            if (path.equals("/api/health")) {
                return HttpAnswer.json(
                        200,
                        "{\"status\":\"ok\",\"version\":\"" + version + "\",\"schema\":"
                                + queryLong("SELECT version FROM schema_version", 0) + "}");
            }
            Matcher visits = PATIENT_VISITS.matcher(path);
            if (visits.matches()) {
                long count =
                        queryLong("SELECT count(*) FROM visits WHERE client_id = ?", Long.parseLong(visits.group(1)));
                return HttpAnswer.json(200, "{\"patient\":" + visits.group(1) + ",\"visits\":" + count + "}");
            }
            Matcher patient = PATIENT.matcher(path);
            if (patient.matches()) {
                return patient(Long.parseLong(patient.group(1)));
            }
            return HttpAnswer.json(404, "{\"error\":\"no such endpoint\"}");
        } catch (SQLException e) {
            return HttpAnswer.json(
                    path.equals("/api/health") ? 503 : 500,
                    "{\"status\":\"database unavailable\",\"version\":\"" + version + "\",\"sqlstate\":\""
                            + e.getSQLState() + "\"}");
        }
    }

    private HttpAnswer patient(long id) throws SQLException {
        String query = version.equals("v1")
                ? "SELECT client_name, date_of_birth FROM clients_hipaa WHERE id = ?"
                : "SELECT full_name, date_of_birth FROM patients WHERE id = ?";
        return withRetry(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return HttpAnswer.json(404, "{\"error\":\"no patient " + id + "\"}");
                    }
                    return HttpAnswer.json(
                            200,
                            "{\"id\":" + id + ",\"name\":\"" + rows.getString(1) + "\",\"born\":\"" + rows.getDate(2)
                                    + "\"}");
                }
            }
        });
    }

    private long queryLong(String sql, long parameter) throws SQLException {
        return withRetry(() -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    statement.setLong(1, parameter);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /**
     * A connection the database ended (a snapshot or a swap terminates sessions, with the operator's consent) is retried
     * once on a fresh one, as a connection pool in a real app does; any other error is the answer.
     */
    private static <T> T withRetry(Query<T> query) throws SQLException {
        try {
            return query.run();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || state.startsWith("57P")) {
                return query.run();
            }
            throw e;
        }
    }
}
