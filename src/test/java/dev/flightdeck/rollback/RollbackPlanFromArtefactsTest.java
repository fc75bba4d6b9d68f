package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.live.LiveSession;
import dev.flightdeck.session.Session;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plan binds what this session made (its tarball, its dump, its snapshot), never an older backup lying on disk. */
class RollbackPlanFromArtefactsTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    private static final String DUMP_INSTEAD_OF_SNAPSHOT = UpgradeRunbook.TEXT.replace(
            "      - id: snap\n        snapshot: { database: healthcare }\n",
            "      - id: dump\n        backup: { database: healthcare, directory: \"${srv}/backups\", format: custom }\n");

    @RequiresTool({"pg_dump", "pg_restore", "psql"})
    @Test
    void withoutASnapshotTheRestoreUsesThisSessionsVerifiedDumpNotAnOlderOneOnDisk() throws Exception {
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            Path backups = Files.createDirectories(dir.resolve("srv/backups"));
            Path olderDump = Files.writeString(
                    backups.resolve(lab.database().name() + "_20200101_000000.dump"), "an old, unverified dump");
            Path olderTarball = Files.writeString(dir.resolve("srv/app-20200101_000000.tar.gz"), "not this session's");
            RollbackLab.SystemState before = lab.state();
            try (LiveSession live =
                    lab.start(RollbackLab.runbook(DUMP_INSTEAD_OF_SNAPSHOT), dir.resolve("journal"), Map.of())) {
                Session session = live.session();
                assertThat(RollbackLab.runUntilStopped(session)).isEmpty();
                String dumpFile = session.state().record("dump").outputs().get("file");
                String tarball =
                        session.state().record("files-backup").outputs().get("stdout");

                RollbackPlan plan = RollbackPlanner.plan(session.state());
                assertThat(plan.entries())
                        .extracting(RollbackPlan.Entry::number)
                        .containsExactly("R1", "R2", "R3", "R4");
                assertThat(plan.entries().get(1).action())
                        .startsWith("restore of the verified dump " + dumpFile + " (SHA-256 ")
                        .contains("written by step dump")
                        .doesNotContain(olderDump.toString());
                assertThat(plan.entries().get(2).action())
                        .contains("tar -xzf " + tarball + " -C")
                        .doesNotContain("20200101");
                assertThat(plan.blocked()).isEmpty();

                session.startRollback("test", "Dana");
                List<String> said = new ArrayList<>();
                assertThat(new RollbackRunner(session, said::add).run(step -> Optional.empty(), Map.of()))
                        .as(String.join("\n", said))
                        .isEqualTo(RollbackRunner.Result.DONE);
                assertThat(session.state().record("rb-restore").message()).contains("from verified backup");
            }
            assertThat(lab.state()).isEqualTo(before);
            assertThat(olderDump).hasContent("an old, unverified dump");
            assertThat(olderTarball).hasContent("not this session's");
        }
    }

    @Test
    void withNeitherSnapshotNorBackupTheRestoreIsAClearStopBeforeAnythingRuns() throws Exception {
        String noProtection =
                UpgradeRunbook.TEXT.replace("      - id: snap\n        snapshot: { database: healthcare }\n", "");
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            try (LiveSession live = lab.start(RollbackLab.runbook(noProtection), dir.resolve("journal"), Map.of())) {
                Session session = live.session();
                assertThat(RollbackLab.runUntilStopped(session)).isEmpty();

                RollbackPlan.Entry restore =
                        RollbackPlanner.plan(session.state()).entries().get(1);
                assertThat(restore.blocker())
                        .hasValueSatisfying(reason -> assertThat(reason)
                                .startsWith(
                                        "no snapshot and no verified backup of 'healthcare' was made in this session"));
                assertThat(restore.action()).startsWith("STOP: ");

                session.startRollback("test", "Dana");
                List<String> said = new ArrayList<>();
                assertThat(new RollbackRunner(session, said::add).run(step -> Optional.empty(), Map.of()))
                        .isEqualTo(RollbackRunner.Result.STOPPED);
                assertThat(String.join("\n", said))
                        .contains(
                                "R2  Restore database healthcare  (rollback procedure): cannot run: no snapshot",
                                "--skip rb-restore=",
                                "not run: R3");
                assertThat(session.state().record("rb-restore").attempts())
                        .as("the restore never started")
                        .isZero();
            }
        }
    }

    @Test
    void aRestorePinnedToAFileThisSessionDidNotMakeIsRefused() throws Exception {
        String pinned = UpgradeRunbook.TEXT.replace(
                "    restore: { database: healthcare }",
                "    restore: { database: healthcare, from: \"${srv}/backups/healthcare_20200101_000000.dump\" }");
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            try (LiveSession live = lab.start(RollbackLab.runbook(pinned), dir.resolve("journal"), Map.of())) {
                Session session = live.session();
                assertThat(RollbackLab.runUntilStopped(session)).isEmpty();

                assertThat(RollbackPlanner.plan(session.state())
                                .entries()
                                .get(1)
                                .blocker())
                        .hasValueSatisfying(
                                reason -> assertThat(reason)
                                        .contains(
                                                "healthcare_20200101_000000.dump' is not a snapshot or verified backup of 'healthcare' made in this session"));
            }
        }
    }
}
