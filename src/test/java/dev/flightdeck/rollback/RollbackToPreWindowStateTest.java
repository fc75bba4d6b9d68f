package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.testing.db.PostgresExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emergency rollback after a completed upgrade and after a failure in each phase: files on the SSH server's
 * filesystem, the service and the database end as they were before the window, and the verification says so.
 */
class RollbackToPreWindowStateTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "failing at {0}")
    @ValueSource(strings = {"none", "files-backup", "migration-check", "smoke"})
    void theRollbackReturnsFilesServiceAndDataToTheirStateBeforeTheWindow(String failAt) throws Exception {
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            RollbackLab.SystemState before = lab.state();
            try (LiveSession live = lab.start(
                    RollbackLab.runbook(UpgradeRunbook.TEXT), dir.resolve("journal"), Map.of("fail_at", failAt))) {
                Session session = live.session();
                assertThat(RollbackLab.runUntilStopped(session))
                        .isEqualTo(failAt.equals("none") ? Optional.empty() : Optional.of(failAt));
                assertThat(lab.state()).as("the window changed something").isNotEqualTo(before);

                session.startRollback("test: failed at " + failAt, "Dana");
                List<String> said = new ArrayList<>();
                RollbackRunner runner = new RollbackRunner(session, said::add);
                RollbackRunner.Result result = runner.run(step -> Optional.of("done"), Map.of());
                if (failAt.equals("files-backup")) {
                    // the files were never changed and this session has no tarball: the plan stops and says so
                    assertThat(result).isEqualTo(RollbackRunner.Result.STOPPED);
                    assertThat(String.join("\n", said))
                            .contains(
                                    "R3  Run: rm -rf",
                                    "${steps.files-backup.stdout} has no value",
                                    "not run: R4  Run: " + lab.service + " start  (undo of step stop-service)",
                                    "not run: V1");
                    // titles show this session's values; a reference without one stays as written
                    assertThat(String.join("\n", said))
                            .contains("tar -xzf ${steps.files-backup.stdout} -C " + dir.resolve("srv"));
                    result = runner.run(
                            step -> Optional.of("done"),
                            Map.of("rb-files", "the backup step failed before any file changed"));
                }
                assertThat(result).as(String.join("\n", said)).isEqualTo(RollbackRunner.Result.DONE);
                assertThat(session.state().rollback()).isEqualTo(SessionFold.RollbackState.SUCCEEDED);
                assertThat(session.state().closed())
                        .as("a verified rollback ends the window")
                        .contains("rolled back and verified");
                VerificationTable table =
                        VerificationTable.of(session.state().verification().orElseThrow());
                assertThat(table.rows())
                        .extracting(VerificationTable.Row::result)
                        .containsExactly("PASS", "PASS", "PASS", "PASS");
            }
            assertThat(lab.state()).isEqualTo(before);
            var journal = JournalVerifier.verify(dir.resolve("journal"), Optional.empty(), Optional.empty());
            assertThat(journal.isIntact()).isTrue();
            assertThat(journal.isClosed()).isTrue();
        }
    }
}
