package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.backup.BackupVerifier;
import dev.flightdeck.db.backup.RestoreRunner;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction.BackupFormat;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackupRestoreTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    @TempDir
    Path backups;

    private final List<Object> events = new ArrayList<>();
    private TestDatabase database;
    private DatabaseSteps steps;

    @BeforeEach
    void loadClinic() {
        database = postgres.freshDatabase();
        HealthcareSample.load(database, 1_000);
        steps = HealthcareSample.steps(database, events);
    }

    @AfterEach
    void close() {
        steps.close();
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @ParameterizedTest
    @EnumSource(BackupFormat.class)
    void dumpIsVerifiedAndRestoresIntoANewDatabaseIdentically(BackupFormat format) throws IOException {
        DataFingerprint before = steps.captureData(HealthcareSample.TABLES, HealthcareSample.KEYS);
        BackupArtifact artifact = steps.backup(format, backups.toString(), TIMEOUT);
        String copy = database.name() + "_fd_copy";

        steps.restoreInto(artifact, copy, TIMEOUT);

        assertThat(Path.of(artifact.file()))
                .exists()
                .hasFileName(artifact.file().substring(artifact.file().lastIndexOf('/') + 1));
        assertThat(artifact.file())
                .matches(".*/" + database.name() + "_\\d{8}T\\d{6}Z\\."
                        + (format == BackupFormat.CUSTOM ? "dump" : "sql"));
        assertThat(artifact.sizeBytes()).isEqualTo(Files.size(Path.of(artifact.file())));
        assertThat(artifact.entries()).isPositive();
        assertThat(artifact.outputs()).containsOnlyKeys("file", "sha256", "size");
        try (DatabaseSteps restored = HealthcareSample.steps(new TestDatabase(postgres.server(), copy), events)) {
            assertThat(restored.compareData(before).differences()).isEmpty();
        }
        assertThat(events)
                .hasAtLeastOneElementOfType(DatabaseEvent.BackupVerified.class)
                .hasAtLeastOneElementOfType(DatabaseEvent.RestoreFinished.class);
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void damagedCustomDumpIsCaughtByVerification() throws IOException {
        BackupArtifact artifact = steps.backup(BackupFormat.CUSTOM, backups.toString(), TIMEOUT);
        Path damaged = backups.resolve("damaged.dump");
        Files.copy(Path.of(artifact.file()), damaged);
        overwriteMiddle(damaged);

        BackupVerifier verifier = new BackupVerifier(new LocalCommandPlace(System.getenv()), TIMEOUT);

        assertThatThrownBy(() -> verifier.verify(damaged.toString(), BackupFormat.CUSTOM))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.BACKUP_UNVERIFIED);
                    assertThat(error.getMessage()).contains("damaged.dump").contains("failed verification");
                });
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void truncatedPlainDumpIsCaughtByVerification() throws IOException {
        BackupArtifact artifact = steps.backup(BackupFormat.PLAIN, backups.toString(), TIMEOUT);
        Path cut = backups.resolve("cut.sql");
        byte[] content = Files.readAllBytes(Path.of(artifact.file()));
        Files.write(cut, Arrays.copyOf(content, content.length / 2));

        assertThatThrownBy(() -> new BackupVerifier(new LocalCommandPlace(System.getenv()), TIMEOUT)
                        .verify(cut.toString(), BackupFormat.PLAIN))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        error -> assertThat(error.getMessage()).contains("was cut short"));
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void dumpChangedAfterVerificationIsNotRestored() throws IOException {
        BackupArtifact artifact = steps.backup(BackupFormat.CUSTOM, backups.toString(), TIMEOUT);
        overwriteMiddle(Path.of(artifact.file()));

        assertThatThrownBy(() -> steps.restoreInto(artifact, database.name() + "_fd_copy", TIMEOUT))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.CHECKSUM_MISMATCH);
                    assertThat(error.getMessage()).contains("has changed since it was verified");
                });
        assertThat(postgres.server().databaseExists(database.name() + "_fd_copy"))
                .as("the half-made database is dropped")
                .isFalse();
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @ParameterizedTest
    @EnumSource(BackupFormat.class)
    void restoreThatHitsAnErrorStopsAndSaysSo(BackupFormat format) {
        BackupArtifact artifact = steps.backup(format, backups.toString(), TIMEOUT);
        String copy = database.name() + "_fd_copy";
        postgres.server().execute("CREATE DATABASE " + copy);
        new TestDatabase(postgres.server(), copy).execute("CREATE TABLE visits (id int)");

        assertThatThrownBy(
                        () -> new RestoreRunner(new LocalCommandPlace(System.getenv()), Clock.systemUTC(), events::add)
                                .restore(artifact, database.target(), copy, PasswordSource.none(), TIMEOUT))
                .isInstanceOfSatisfying(DatabaseException.class, error -> {
                    assertThat(error.code()).isEqualTo(DatabaseErrorCode.RESTORE_FAILED);
                    assertThat(error.getMessage())
                            .contains("stopped at the first error")
                            .contains("relation \"visits\" already exists");
                });
        assertThat(new TestDatabase(postgres.server(), copy).queryValue("SELECT to_regclass('public.patients')"))
                .as("single transaction: nothing of the failed restore is left")
                .isNull();
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void rollbackWithoutSnapshotRestoresTheVerifiedDumpAndSwapsItIn() {
        postgres.server()
                .execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clinic_owner')"
                        + " THEN CREATE ROLE clinic_owner; END IF; END $$");
        postgres.server().execute("ALTER DATABASE " + database.name() + " OWNER TO clinic_owner");
        String ownerAndEncoding =
                database.queryValue("SELECT pg_get_userbyid(datdba) || ' ' || pg_encoding_to_char(encoding)"
                        + " FROM pg_database WHERE datname = current_database()");
        DataFingerprint before = steps.captureData(HealthcareSample.TABLES, Map.of());
        BackupArtifact artifact = steps.backup(BackupFormat.CUSTOM, backups.toString(), TIMEOUT);
        steps.sql(new SqlRequest("DROP TABLE visits", List.of(), Expectation.none(), false));

        RestoreOutcome outcome =
                steps.restore(Optional.empty(), Optional.of(artifact), OperatorConsent.none(), TIMEOUT);

        assertThat(outcome).isInstanceOf(RestoreOutcome.FromBackup.class);
        assertThat(database.queryValue("SELECT pg_get_userbyid(datdba) || ' ' || pg_encoding_to_char(encoding)"
                        + " FROM pg_database WHERE datname = current_database()"))
                .isEqualTo(ownerAndEncoding);
        assertThat(outcome.outputs()).containsEntry("from", artifact.file());
        assertThat(steps.compareData(before).matches()).isTrue();
    }

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void awkwardDatabaseNamesReachEveryToolAsOneWord() {
        String awkward = database.name() + "_fd_ it's \"odd\" $(id)";
        postgres.server()
                .execute("CREATE DATABASE \"" + awkward.replace("\"", "\"\"") + "\" TEMPLATE \"" + database.name()
                        + "\"");
        TestDatabase odd = new TestDatabase(postgres.server(), awkward);
        try (DatabaseSteps steps = HealthcareSample.steps(odd, events)) {
            DataFingerprint before = steps.captureData(HealthcareSample.TABLES, Map.of());
            BackupArtifact artifact = steps.backup(BackupFormat.PLAIN, backups.toString(), TIMEOUT);
            steps.restoreInto(artifact, awkward + " copy", TIMEOUT);

            try (DatabaseSteps copy =
                    HealthcareSample.steps(new TestDatabase(postgres.server(), awkward + " copy"), events)) {
                assertThat(copy.compareData(before).differences()).isEmpty();
            }
        }
    }

    @Test
    void missingToolIsNamedWithThePackageToInstall() {
        DatabaseSteps withoutTools = DatabaseSteps.open(
                database.target(),
                PasswordSource.none(),
                PoolSettings.console(),
                new LocalCommandPlace(Map.of("PATH", backups.toString())),
                Clock.systemUTC(),
                events::add);
        try (withoutTools) {
            assertThatThrownBy(() -> withoutTools.backup(BackupFormat.CUSTOM, backups.toString(), TIMEOUT))
                    .isInstanceOfSatisfying(DatabaseException.class, error -> {
                        assertThat(error.code()).isEqualTo(DatabaseErrorCode.TOOL_MISSING);
                        assertThat(error.getMessage())
                                .startsWith("pg_dump is not installed on this computer")
                                .contains("apt-get install postgresql-client");
                    });
        }
    }

    private static void overwriteMiddle(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(raw.length() / 2);
            raw.write(new byte[4096]);
        }
    }
}
