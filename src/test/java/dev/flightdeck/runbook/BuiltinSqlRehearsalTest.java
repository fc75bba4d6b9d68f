package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the SQL of every built-in on a real PostgreSQL 15 holding the clinic schema the seeds describe: the phase
 * statements in order, then the undo statements newest first (so undos are rehearsed too), then the rollback
 * plan's statements. Each must execute; the checks that must hold on a healthy fresh clinic database must hold.
 */
class BuiltinSqlRehearsalTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static List<String> ids() {
        return BuiltinRunbooks.ids();
    }

    @ParameterizedTest(name = "the SQL of {0} runs on a clinic database, undos and rollback included")
    @MethodSource("ids")
    void everyStatementRunsAndItsUndoReversesIt(String id) throws Exception {
        Runbook runbook = BuiltinRunbooksTest.load(id);
        Map<String, String> failures = new LinkedHashMap<>();
        try (Connection connection = clinicDatabase(id.replace('-', '_')).getConnection();
                Statement statement = connection.createStatement()) {
            List<Step> undos = new ArrayList<>();
            for (Step step : runbook.steps().toList()) {
                sqlOf(step).ifPresent(sql -> execute(statement, step.id(), sql, failures));
                step.undo().ifPresent(undo -> undos.add(0, undo));
            }
            for (Step undo : undos) {
                sqlOf(undo).ifPresent(sql -> execute(statement, undo.id(), sql, failures));
            }
            for (Step step : runbook.rollback()) {
                sqlOf(step).ifPresent(sql -> execute(statement, step.id(), sql, failures));
            }
            assertThat(failures).as("SQL of %s that PostgreSQL rejected", id).isEmpty();
            assertThat(value(
                            statement, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'patients'"))
                    .as("the undos returned the patients table to its columns before the window")
                    .isEqualTo("3");
        }
    }

    @Test
    void theMaintenanceChecksHoldOnAHealthyDatabaseAndTheConfigurationRuleBites() throws Exception {
        Runbook runbook = BuiltinRunbooksTest.load("maintenance-procedures");
        try (Connection connection = clinicDatabase("maintenance_checks").getConnection();
                Statement statement = connection.createStatement()) {
            for (String stepId : List.of(
                    "check-connections", "check-locks", "pg-stat-statements-present", "verify-max-connections")) {
                Step step = runbook.step(stepId).orElseThrow();
                assertThat(step.expect()
                                .value()
                                .orElseThrow()
                                .test(value(statement, sqlOf(step).orElseThrow())))
                        .as("expectation of %s on a healthy database", stepId)
                        .isTrue();
            }
            for (String table : List.of("patients", "visits", "documents")) {
                statement.execute(
                        sqlOf(runbook.step("vacuum-" + table).orElseThrow()).orElseThrow());
            }
            assertThat(rows(
                            statement,
                            sqlOf(runbook.step("verify-table-stats").orElseThrow())
                                    .orElseThrow()))
                    .as("every vacuumed table shows its vacuum and analyze")
                    .isEqualTo(3);
            Step sharedBuffers = runbook.step("verify-shared-buffers").orElseThrow();
            assertThat(sharedBuffers
                            .expect()
                            .value()
                            .orElseThrow()
                            .test(value(statement, sqlOf(sharedBuffers).orElseThrow())))
                    .as("PostgreSQL's default 128 MB shared_buffers breaks the seed's >= 1024 MB rule")
                    .isFalse();
        }
    }

    private static DataSource clinicDatabase(String name) throws SQLException, IOException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        DataSource database = postgres.getDatabase("postgres", name);
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                InputStream schema =
                        BuiltinSqlRehearsalTest.class.getResourceAsStream("/runbook/builtin-clinic-schema.sql")) {
            statement.execute(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
        return database;
    }

    private static Optional<String> sqlOf(Step step) {
        return step.action() instanceof StepAction.Sql sql ? Optional.of(sql.statement()) : Optional.empty();
    }

    private static void execute(Statement statement, String stepId, String sql, Map<String, String> failures) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            failures.put(stepId, e.getMessage());
        }
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }

    private static int rows(Statement statement, String sql) throws SQLException {
        int count = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                count++;
            }
        }
        return count;
    }
}
