package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.live.LiveSession;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.testing.db.PostgresExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The app host is gone when the rollback runs: the rollback stops at each step it cannot run, says which did not run, never goes on silently. */
class UnreachableHostRollbackTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void anUnreachableHostStopsTheRollbackAndOnlyAWrittenSkipGetsPastIt() throws Exception {
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            String dataBefore = lab.state().data();
            try (LiveSession live =
                    lab.start(RollbackLab.runbook(UpgradeRunbook.TEXT), dir.resolve("journal"), Map.of())) {
                Session session = live.session();
                assertThat(RollbackLab.runUntilStopped(session)).isEmpty();
                lab.stopSshServer();

                session.startRollback("test: host lost", "Dana");
                List<String> said = new ArrayList<>();
                RollbackRunner runner = new RollbackRunner(session, said::add);
                assertThat(runner.run(step -> Optional.empty(), Map.of())).isEqualTo(RollbackRunner.Result.STOPPED);
                assertThat(session.state().status("rb-stop")).isIn(StepStatus.FAILED, StepStatus.UNKNOWN);
                assertThat(String.join("\n", said))
                        .contains(
                                "The rollback stopped at R1",
                                "not run: R2  Restore database healthcare",
                                "not run: R3",
                                "not run: R4",
                                "not run: V1",
                                "not run: V4");

                // the operator stopped the service from the host's console; the database is reachable and is restored
                said.clear();
                assertThat(runner.run(
                                step -> Optional.empty(), Map.of("rb-stop", "stopped by hand on the host's console")))
                        .isEqualTo(RollbackRunner.Result.STOPPED);
                assertThat(session.state().status("rb-restore")).isEqualTo(StepStatus.SUCCEEDED);
                assertThat(String.join("\n", said)).contains("The rollback stopped at R3", "--skip rb-files=");
                assertThat(session.state().rollback()).isEqualTo(SessionFold.RollbackState.RUNNING);
            }
            assertThat(lab.state().data()).isEqualTo(dataBefore);
        }
    }
}
