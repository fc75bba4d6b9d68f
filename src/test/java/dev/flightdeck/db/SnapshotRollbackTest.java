package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.admin.DiskSpace;
import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.integrity.DataComparison;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.integrity.TableDifference;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.db.sql.SqlStepRunner;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotRollbackTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private final List<Object> events = new ArrayList<>();
    private TestDatabase database;
    private DatabaseSteps steps;

    @BeforeEach
    void loadClinic() {
        database = postgres.freshDatabase();
        HealthcareSample.load(database, 2_000);
        steps = HealthcareSample.steps(database, events);
    }

    @AfterEach
    void close() {
        steps.close();
    }

    @Test
    void swapRollbackAfterDestructiveMigrationGivesBackIdenticalData() {
        DataFingerprint before = steps.captureData(HealthcareSample.TABLES, HealthcareSample.KEYS);
        String phonesBefore = database.queryValue("SELECT md5(string_agg(phone, ',' ORDER BY id)) FROM patients");
        SnapshotRecord snapshot = steps.snapshot(OperatorConsent.none());

        steps.sql(statement("ALTER TABLE patients DROP COLUMN phone"));
        steps.sql(statement("DELETE FROM visits WHERE status = 'cancelled'"));
        DataComparison broken = steps.compareData(before);
        var outcome =
                steps.restore(Optional.of(snapshot), Optional.empty(), OperatorConsent.none(), Duration.ofMinutes(1));
        DataComparison restored = steps.compareData(before);

        assertThat(broken.matches()).isFalse();
        assertThat(broken.differences())
                .extracting(TableDifference::table, TableDifference::kind)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("public.visits", TableDifference.Kind.ROW_COUNT),
                        Tuple.tuple("public.visits", TableDifference.Kind.CONTENT));
        assertThat(restored.matches()).isTrue();
        assertThat(restored.differences()).isEmpty();
        assertThat(database.queryValue("SELECT md5(string_agg(phone, ',' ORDER BY id)) FROM patients"))
                .isEqualTo(phonesBefore);
        assertThat(outcome.from()).isEqualTo(snapshot.snapshot());
        assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(events)
                .hasAtLeastOneElementOfType(DatabaseEvent.SnapshotCreated.class)
                .hasAtLeastOneElementOfType(DatabaseEvent.SnapshotSwapped.class);
    }

    @Test
    void poolKeepsWorkingAgainstTheSwappedInDatabase() {
        SnapshotRecord snapshot = steps.snapshot(OperatorConsent.none());
        steps.sql(statement("TRUNCATE visits"));

        steps.restore(Optional.of(snapshot), Optional.empty(), OperatorConsent.none(), Duration.ofMinutes(1));

        assertThat(steps.sql(statement("SELECT count(*) FROM visits")).firstValue())
                .contains("10000");
    }

    @Test
    void otherFlightdeckPoolsOnTheDatabaseAreQuiescedRatherThanTerminated() {
        try (var metricsPool = DatabasePool.open(database.target(), PasswordSource.none(), PoolSettings.console())) {
            var metrics = new SqlStepRunner(metricsPool, event -> {});
            metrics.run(statement("SELECT 1"));
            steps.quiesceAlongside(metricsPool);

            SnapshotRecord snapshot = steps.snapshot(OperatorConsent.none());

            assertThat(events).noneMatch(DatabaseEvent.SessionsTerminated.class::isInstance);
            assertThat(snapshot.snapshot()).startsWith(database.name() + "_fd_");
            assertThat(metrics.run(statement("SELECT count(*) FROM patients")).firstValue())
                    .contains("2000");
        }
    }

    @Test
    void setAsideCopyCanBeDiscardedButNothingFlightdeckDidNotCreate() {
        SnapshotRecord snapshot = steps.snapshot(OperatorConsent.none());
        RestoreOutcome outcome =
                steps.restore(Optional.of(snapshot), Optional.empty(), OperatorConsent.none(), Duration.ofMinutes(1));
        String aside = outcome.swap().setAside();
        assertThat(postgres.server().databaseExists(aside)).isTrue();

        steps.discardCopy(aside);

        assertThat(postgres.server().databaseExists(aside)).isFalse();
        assertThatThrownBy(() -> steps.discardCopy("postgres"))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        error -> assertThat(error.code()).isEqualTo(DatabaseErrorCode.INVALID_REQUEST));
    }

    @Test
    void snapshotRefusesToEndOtherSessionsWithoutConsent() throws Exception {
        try (Connection application = database.connect()) {
            assertThatThrownBy(() -> steps.snapshot(OperatorConsent.none()))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.CONSENT_REQUIRED);
                        assertThat(error.getMessage())
                                .contains("1 other session(s) are connected to " + database.name());
                    });
            assertThat(application.isValid(2)).isTrue();
        }
        assertThat(database.count("patients"))
                .as("connections are allowed again")
                .isEqualTo(2000);
    }

    @Test
    void snapshotWithConsentEndsOtherSessionsAndRecordsWhichOnes() throws Exception {
        try (Connection application = database.connect()) {
            SnapshotRecord snapshot = steps.snapshot(OperatorConsent.terminateSessions("dana"));

            assertThat(application.isValid(2)).isFalse();
            assertThat(snapshot.sizeBytes()).isPositive();
            assertThat(events)
                    .filteredOn(DatabaseEvent.SessionsTerminated.class::isInstance)
                    .hasSize(1);
        }
    }

    @Test
    void copyNeedingMoreThanTheFreeDiskIsRefusedWithBothFigures() {
        var place = new LocalCommandPlace(System.getenv());
        long free = place.freeBytes(postgres.server().dataDirectory().toString());

        assertThatThrownBy(() -> DiskSpace.require(
                        place, postgres.server().dataDirectory().toString(), free * 4, "a snapshot of healthcare"))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.NOT_ENOUGH_DISK);
                    assertThat(error.getMessage())
                            .startsWith("a snapshot of healthcare needs about")
                            .contains("on this computer, but only");
                });
    }

    private static SqlRequest statement(String sql) {
        return new SqlRequest(sql, List.of(), Expectation.none(), false);
    }
}
