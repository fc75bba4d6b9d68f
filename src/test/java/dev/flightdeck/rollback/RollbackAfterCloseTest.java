package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.testing.db.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem found after the window closed: the closed session, opened from its journal, writes nothing until it is
 * reopened for its rollback with a reason; the rollback then returns files, service and data to their state before
 * the window, and the session ends closed again, its journal intact.
 */
class RollbackAfterCloseTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void aClosedSessionIsReopenedForItsRollbackAndEndsClosedAgainWithEverythingAsBeforeTheWindow() throws Exception {
        Path journal = dir.resolve("journal");
        Runbook runbook = RollbackLab.runbook(UpgradeRunbook.TEXT);
        try (RollbackLab lab = new RollbackLab(dir, POSTGRES.freshDatabase())) {
            RollbackLab.SystemState before = lab.state();
            try (LiveSession live = lab.start(runbook, journal, Map.of())) {
                assertThat(RollbackLab.runUntilStopped(live.session())).isEmpty();
                live.session().finishSession("all steps done");
            }
            assertThat(lab.state()).as("the upgrade changed something").isNotEqualTo(before);
            long closedAt = SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone())
                    .size();

            try (LiveSession live = lab.resume(runbook, journal)) {
                Session session = live.session();
                assertThat(session.state().closed()).contains("all steps done");
                assertThat(AfterClose.warning(
                                session.state(),
                                session.state().closedAt().orElseThrow().plus(Duration.ofMinutes(552)),
                                ZoneOffset.UTC))
                        .hasValueSatisfying(warning -> assertThat(warning).contains("(9h 12m ago)", "is lost"));
                assertThatThrownBy(() -> session.startRollback("now", "Lee"))
                        .hasMessage("the session is closed: reopen it for its rollback");
                assertThatThrownBy(() -> session.reopenForRollback(" ", "Lee"))
                        .hasMessageContaining("needs a written reason");
            }
            assertThat(SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone()))
                    .as("looking at a closed session writes nothing")
                    .hasSize((int) closedAt);
            assertThat(verify(journal).isClosed()).isTrue();

            List<String> said = new ArrayList<>();
            try (LiveSession live = lab.resume(runbook, journal)) {
                Session session = live.session();
                said.add(
                        RollbackRunner.begin(session, "monitoring found lab results missing the morning after", "Lee"));
                assertThat(session.state().reopened())
                        .hasValueSatisfying(
                                reopening -> assertThat(reopening.by()).isEqualTo("Lee"));
                assertThatThrownBy(() -> session.confirm(
                                runbook.steps().findFirst().orElseThrow().id(), ""))
                        .hasMessageContaining("reopened only for its rollback");

                assertThat(new RollbackRunner(session, said::add).run(step -> Optional.of("done"), Map.of()))
                        .as(String.join("\n", said))
                        .isEqualTo(RollbackRunner.Result.DONE);
                assertThat(session.state().rollback()).isEqualTo(SessionFold.RollbackState.SUCCEEDED);
                assertThat(session.state().closed()).contains("rolled back after the window had closed");
            }
            assertThat(said.get(0))
                    .startsWith(
                            "Session reopened for its rollback by Lee (monitoring found lab results missing the morning after), checkpoint ");
            assertThat(said).anyMatch(line -> line.startsWith("Session closed again, closing checkpoint "));
            assertThat(lab.state()).isEqualTo(before);
            VerificationReport verified = verify(journal);
            assertThat(verified.isIntact()).isTrue();
            assertThat(verified.isClosed()).isTrue();

            List<SessionEvent> events = SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone()).stream()
                    .map(Recorded::event)
                    .toList();
            assertThat(events)
                    .filteredOn(SessionEvent.SessionReopened.class::isInstance)
                    .hasSize(1);
            assertThat(events)
                    .filteredOn(SessionEvent.RollbackStarted.class::isInstance)
                    .hasSize(1);
            assertThat(events)
                    .filteredOn(SessionEvent.SessionClosed.class::isInstance)
                    .hasSize(2);

            try (LiveSession live = lab.resume(runbook, journal)) {
                assertThatThrownBy(() -> live.session().reopenForRollback("again", "Lee"))
                        .hasMessageContaining("already rolled back");
            }
        }
    }

    private static VerificationReport verify(Path journal) {
        return JournalVerifier.verify(journal, Optional.empty(), Optional.empty());
    }
}
