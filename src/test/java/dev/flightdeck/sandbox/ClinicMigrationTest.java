package dev.flightdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.sandbox.database.ClinicData;
import dev.flightdeck.sandbox.database.ClinicDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clinic database: synthetic data loaded, the migration v1 → v2 keeps v1 readable, and its reverse gives back every row. */
class ClinicMigrationTest {

    @TempDir
    Path dir;

    @Test
    void migrationAndItsReverseGiveBackTheSameRowsAndV1ReadsThroughTheViewInBetween() throws Exception {
        try (ClinicDatabase database = ClinicDatabase.start(dir.resolve("postgres"), 7);
                Connection admin = connect(database, ClinicDatabase.ADMIN, database.adminPassword());
                Statement statement = admin.createStatement()) {
            List<String> before = facts(statement, "clients_hipaa");
            assertThat(before.get(0)).startsWith(ClinicData.PATIENTS + " rows");

            statement.execute(ClinicDatabase.resource("migrate-v1-to-v2.sql"));
            assertThat(facts(statement, "patients")).isEqualTo(before);
            try (Connection app = connect(
                            database,
                            ClinicDatabase.APP_ROLE,
                            database.appDatabase().password().toCharArray());
                    ResultSet v1Read = app.createStatement()
                            .executeQuery("SELECT count(*) FROM clients_hipaa WHERE client_name IS NOT NULL")) {
                v1Read.next();
                assertThat(v1Read.getLong(1)).isEqualTo(ClinicData.PATIENTS);
            }
            assertThatThrownBy(() -> statement.execute(ClinicDatabase.resource("migrate-v1-to-v2.sql")))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not at version 1");

            statement.execute(ClinicDatabase.resource("migrate-v2-to-v1.sql"));
            assertThat(facts(statement, "clients_hipaa")).isEqualTo(before);
        }
    }

    @Test
    void theRehearsalRunbookRunsExactlyTheShippedMigration() throws Exception {
        Step migrate = Sandbox.rehearsalRunbook()
                .steps()
                .filter(step -> step.id().equals("migrate"))
                .findFirst()
                .orElseThrow();
        String statement = ((StepAction.Sql) migrate.action()).statement();
        assertThat(statement.strip())
                .isEqualTo(ClinicDatabase.resource("migrate-v1-to-v2.sql").strip());
    }

    private static Connection connect(ClinicDatabase database, String user, char[] password) throws SQLException {
        return DriverManager.getConnection(ClinicDatabase.jdbcUrl(database.port()), user, new String(password));
    }

    /** Count and md5 of every row of the patient table and the tables that point at it. */
    private static List<String> facts(Statement statement, String patients) throws SQLException {
        List<String> facts = new ArrayList<>();
        for (String table : List.of(patients, "visits", "prescriptions", "lab_results", "users")) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT count(*) || ' rows, md5 ' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table
                            + " t")) {
                rows.next();
                facts.add(rows.getString(1));
            }
        }
        return facts;
    }
}
