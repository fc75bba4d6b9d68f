package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.sql.SqlOutcome;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.db.sql.SqlStepRunner;
import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlStepRunnerTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private final List<DatabaseEvent> events = new ArrayList<>();
    private DatabasePool pool;
    private SqlStepRunner runner;
    private TestDatabase database;

    @BeforeEach
    void openPool() {
        database = postgres.freshDatabase();
        database.execute("CREATE TABLE visits (id int PRIMARY KEY, patient text, status text);"
                + "INSERT INTO visits SELECT g, 'patient ' || g, CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'done' END"
                + " FROM generate_series(1, 500) g");
        pool = DatabasePool.open(database.target(), PasswordSource.none(), PoolSettings.console());
        runner = new SqlStepRunner(pool, events::add);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void valueExpectationThatHoldsPassesAndOutputsTheValue() {
        SqlOutcome outcome = runner.run(request("SELECT count(*) FROM visits", expectValue("500")));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.outputs()).containsEntry("value", "500").containsEntry("rows", "1");
        assertThat(outcome.table().render()).contains("count").contains("500").contains("(1 row)");
    }

    @Test
    void valueExpectationFailureSaysWhatWasExpectedAndWhatCameBack() {
        SqlOutcome outcome = runner.run(request("SELECT count(*) FROM visits", expectValue("50000")));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures())
                .containsExactly("expected the value to be 50000, got 500 from: SELECT count(*) FROM visits");
    }

    @Test
    void rowAndEmptyExpectationFailuresAreReadable() {
        Expectation atLeastOneRow = new Expectation(
                List.of(),
                Optional.empty(),
                Comparison.parse(">= 1"),
                Optional.empty(),
                Optional.of(false),
                List.of(),
                Optional.empty(),
                Optional.empty());
        SqlOutcome outcome = runner.run(request("SELECT id FROM visits WHERE status = 'missing'", atLeastOneRow));

        assertThat(outcome.failures())
                .containsExactly(
                        "expected the row count to be at least 1, got 0 from: SELECT id FROM visits WHERE status = 'missing'",
                        "expected at least one row, got none from: SELECT id FROM visits WHERE status = 'missing'");
    }

    @Test
    void parametersAreBoundSoHostileTextStaysAValue() {
        String hostile = "done'; DROP TABLE visits; --";
        SqlOutcome outcome = runner.run(new SqlRequest(
                "SELECT count(*) FROM visits WHERE status = ? AND id > ?",
                List.of(hostile, "0"),
                Expectation.none(),
                false));

        assertThat(outcome.firstValue()).contains("0");
        assertThat(database.count("visits")).isEqualTo(500);
    }

    @Test
    void variablesInTheStatementAreBoundNotSplicedEvenWhenHostile() {
        Map<String, String> outputs = Map.of("steps.pick.value", "done' OR '1'='1", "cutoff", "100");
        SqlRequest request = SqlRequest.binding(
                "SELECT count(*) FROM visits WHERE status = ${steps.pick.value} AND id > ?"
                        + " AND id < ${cutoff} -- ends before ?, not $${x}",
                List.of("0"),
                name -> Optional.ofNullable(outputs.get(name)),
                Expectation.none(),
                false);

        assertThat(request.statement())
                .isEqualTo("SELECT count(*) FROM visits WHERE status = ? AND id > ? AND id < ?"
                        + " -- ends before ?, not ${x}");
        assertThat(request.parameters()).containsExactly("done' OR '1'='1", "0", "100");
        assertThat(runner.run(request).firstValue()).contains("0");
    }

    @Test
    void variableInsideAQuotedStringIsRefusedWithWhere() {
        assertThatThrownBy(() -> SqlRequest.binding(
                        "SELECT * FROM visits WHERE patient = 'patient ${id}'",
                        List.of(),
                        name -> Optional.of("1"),
                        Expectation.none(),
                        false))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.INVALID_REQUEST);
                    assertThat(error.getMessage())
                            .startsWith("${...} inside a quoted string at character 47 cannot be bound");
                });
    }

    @Test
    void journalGetsRowCountAndHashButNotTheRowsUnlessAllowed() {
        SqlOutcome hidden = runner.run(request("SELECT * FROM visits ORDER BY id", Expectation.none()));
        SqlOutcome kept =
                runner.run(new SqlRequest("SELECT * FROM visits ORDER BY id", List.of(), Expectation.none(), true));

        assertThat(hidden.keptRows()).isEmpty();
        assertThat(hidden.table().rows()).hasSize(20);
        assertThat(hidden.table().truncated()).isTrue();
        assertThat(kept.keptRows().orElseThrow()).hasSize(500);
        assertThat(hidden.rowsSha256()).isEqualTo(kept.rowsSha256()).hasSize(64);
        assertThat(events)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                DatabaseEvent.StatementExecuted.class,
                                executed -> assertThat(executed.rowCount()).isEqualTo(500)));
    }

    @Test
    void changedDataChangesTheHash() {
        String before = runner.run(request("SELECT * FROM visits ORDER BY id", Expectation.none()))
                .rowsSha256();
        runner.run(request("UPDATE visits SET status = 'done' WHERE id = 10", Expectation.none()));
        String after = runner.run(request("SELECT * FROM visits ORDER BY id", Expectation.none()))
                .rowsSha256();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void statementsReportRowsChanged() {
        SqlOutcome outcome = runner.run(request(
                "UPDATE visits SET status = 'archived' WHERE status = 'cancelled'",
                new Expectation(
                        List.of(),
                        Optional.empty(),
                        Comparison.parse("50"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty())));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.rowCount()).isEqualTo(50);
        assertThat(outcome.shown()).isEqualTo("UPDATE changed 50 rows\n");
        assertThat(outcome.summary()).startsWith("UPDATE changed 50 rows in ");
    }

    @Test
    void aMigrationSaysWhatItDidInWordsNotAsATableOfZeroChangedRows() {
        SqlOutcome migration = runner.run(request("""
                -- rename, in one block
                DO $migration$
                BEGIN
                    ALTER TABLE visits RENAME COLUMN status TO state;
                    UPDATE visits SET state = 'done' WHERE state = 'cancelled';
                END
                $migration$""", Expectation.none()));
        SqlOutcome several = runner.run(request(
                "UPDATE visits SET state = 'x' WHERE id <= 3; DELETE FROM visits WHERE id = 500; CREATE INDEX ON visits (state)",
                Expectation.none()));

        assertThat(migration.shown())
                .isEqualTo("the DO block ran to the end (PostgreSQL does not count the rows a DO block changes)\n");
        assertThat(several.shown()).isEqualTo("3 statements ran; 4 rows changed in all\n");
        assertThat(several.rowCount()).isEqualTo(4);
        assertThat(runner.run(request("CREATE VIEW done_visits AS SELECT * FROM visits", Expectation.none()))
                        .shown())
                .isEqualTo("CREATE done (a command that changes no rows by itself)\n");
    }

    @Test
    void sqlErrorKeepsTheServerMessageAndPosition() {
        String statement = "SELECT id,\n       phone\nFROM visits";

        assertThatThrownBy(() -> runner.run(request(statement, Expectation.none())))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.SQL_ERROR);
                    assertThat(error.getMessage())
                            .isEqualTo("column \"phone\" does not exist (SQLSTATE 42703) at line 2, column 8");
                    assertThat(error.serverError().orElseThrow().position()).isEqualTo(19);
                });
    }

    private static SqlRequest request(String statement, Expectation expect) {
        return new SqlRequest(statement, List.of(), expect, false);
    }

    private static Expectation expectValue(String value) {
        return new Expectation(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Comparison.parse(value),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }
}
