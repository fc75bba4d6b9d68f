package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.integrity.DataComparison;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.integrity.TableDifference;
import dev.flightdeck.db.integrity.TableDifference.Kind;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataFingerprintTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private final List<Object> events = new ArrayList<>();
    private TestDatabase database;
    private DatabaseSteps steps;

    @BeforeEach
    void loadClinic() {
        database = postgres.freshDatabase();
        HealthcareSample.load(database, 500);
        steps = HealthcareSample.steps(database, events);
    }

    @AfterEach
    void close() {
        steps.close();
    }

    @Test
    void captureHasExactCountsForNamedTablesAndEstimatesForAll() {
        database.execute("CREATE TABLE audit_log (id int); INSERT INTO audit_log VALUES (1), (2); ANALYZE audit_log");

        DataFingerprint fingerprint = steps.captureData(List.of("visits"), Map.of("patients", List.of("id")));

        assertThat(fingerprint.tables()).containsOnlyKeys("public.patients", "public.visits", "public.audit_log");
        assertThat(fingerprint.tables().get("public.visits").exactRows()).hasValue(2500);
        assertThat(fingerprint.tables().get("public.patients").contentHash()).isPresent();
        assertThat(fingerprint.tables().get("public.audit_log").exactRows()).isEmpty();
        assertThat(fingerprint.tables().get("public.audit_log").estimatedRows()).isEqualTo(2);
    }

    @Test
    void changedKeyValueWithTheSameCountIsAContentDifference() {
        DataFingerprint before = steps.captureData(List.of(), HealthcareSample.KEYS);
        database.execute("UPDATE visits SET status = 'done' WHERE id = 7");

        DataComparison comparison = steps.compareData(before);

        assertThat(comparison.differences())
                .extracting(TableDifference::table, TableDifference::kind)
                .containsExactly(tuple("public.visits", Kind.CONTENT));
        assertThat(comparison.table().render()).contains("public.visits | content hash");
    }

    @Test
    void droppedTableIsReportedAndANewTableDoesNotFailTheComparison() {
        DataFingerprint before = steps.captureData(HealthcareSample.TABLES, Map.of("visits", List.of("id")));
        database.execute("DROP TABLE visits; CREATE TABLE consent_forms (id int)");

        DataComparison comparison = steps.compareData(before);

        assertThat(comparison.differences())
                .extracting(TableDifference::table, TableDifference::kind)
                .containsExactlyInAnyOrder(
                        tuple("public.visits", Kind.TABLE_MISSING), tuple("public.consent_forms", Kind.TABLE_ADDED));
        assertThat(comparison.failingDifferences()).isEqualTo(1);
        assertThat(comparison.matches()).isFalse();
    }

    @Test
    void droppedColumnOutsideTheKeysLeavesTheHashAlone() {
        DataFingerprint before = steps.captureData(HealthcareSample.TABLES, HealthcareSample.KEYS);
        database.execute("ALTER TABLE patients DROP COLUMN phone");

        assertThat(steps.compareData(before).matches()).isTrue();
    }

    @Test
    void unknownTablesAndColumnsAreNamedInTheError() {
        assertThatThrownBy(() -> steps.captureData(List.of("visitz"), Map.of()))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        error -> assertThat(error.getMessage())
                                .isEqualTo("table visitz does not exist in database " + database.name()));
        assertThatThrownBy(() -> steps.captureData(List.of(), Map.of("patients", List.of("id", "ssn"))))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        error -> assertThat(error.getMessage())
                                .isEqualTo("table public.patients has no column ssn (it has id, name, phone)"));
    }
}
