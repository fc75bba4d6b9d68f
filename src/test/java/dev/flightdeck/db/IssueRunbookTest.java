package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.integrity.DataComparison;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.db.sql.SqlOutcome;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runbook from the database issue, loaded by the real loader and run step by step through {@link DatabaseSteps},
 * the way the session engine will dispatch each kind.
 */
class IssueRunbookTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private static final String RUNBOOK = """
            runbook: Drop the patients' phone column
            phases:
              - id: change
                title: Change
                steps:
                  - id: snap
                    snapshot: { database: healthcare }
                  - id: before
                    verify-data: { database: healthcare, tables: [patients, visits] }
                  - id: migrate
                    sql: ALTER TABLE patients DROP COLUMN phone
                    database: healthcare
                  - id: check
                    sql: SELECT count(*) FROM visits
                    database: healthcare
                    expect: { value: 50000 }
                  - id: after
                    verify-data: { database: healthcare, compare-to: before }
            rollback:
              - restore: { database: healthcare }
            """;

    private final Map<String, DataFingerprint> captures = new HashMap<>();
    private final List<String> passed = new ArrayList<>();
    private SnapshotRecord snapshot;

    @Test
    void issueRunbookRunsAndItsRollbackBringsThePhoneColumnBack() {
        Runbook runbook = RunbookLoader.load(RUNBOOK, "issue-5", "issue-5").orElseThrow();
        TestDatabase database = postgres.freshDatabase();
        HealthcareSample.load(database, 10_000);
        try (DatabaseSteps healthcare = HealthcareSample.steps(database, new ArrayList<>())) {
            runbook.phases().forEach(phase -> phase.steps().forEach(step -> run(step, healthcare)));
            runbook.rollback().forEach(step -> run(step, healthcare));
        }

        assertThat(passed).containsExactly("snap", "before", "migrate", "check", "after", "rollback-1");
        assertThat(database.queryValue("SELECT count(*) FROM patients WHERE phone IS NOT NULL"))
                .isEqualTo("10000");
    }

    private void run(Step step, DatabaseSteps healthcare) {
        assertThat(passes(step.action(), step, healthcare))
                .as(step.displayTitle())
                .isTrue();
        passed.add(step.id());
    }

    private boolean passes(StepAction action, Step step, DatabaseSteps healthcare) {
        if (action instanceof StepAction.Snapshot) {
            snapshot = healthcare.snapshot(OperatorConsent.none());
            return true;
        }
        if (action instanceof StepAction.Sql sql) {
            SqlOutcome outcome = healthcare.sql(SqlRequest.of(sql, step.expect()));
            assertThat(outcome.failures()).isEmpty();
            return outcome.passed();
        }
        if (action instanceof StepAction.VerifyData verify && verify.compareTo().isEmpty()) {
            captures.put(step.id(), healthcare.captureData(verify.tables(), verify.hashColumns()));
            return true;
        }
        if (action instanceof StepAction.VerifyData verify) {
            DataComparison comparison =
                    healthcare.compareData(captures.get(verify.compareTo().get()));
            return comparison.matches();
        }
        if (action instanceof StepAction.Restore) {
            return healthcare
                            .restore(
                                    Optional.ofNullable(snapshot),
                                    Optional.empty(),
                                    OperatorConsent.none(),
                                    Duration.ofMinutes(1))
                            .elapsed()
                            .compareTo(Duration.ofSeconds(5))
                    < 0;
        }
        throw new AssertionError("not a database step: " + step.kind());
    }
}
