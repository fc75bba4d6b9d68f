package dev.flightdeck.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.ui.WizardTestSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the question before closing a session's window says, and what leaving anyway writes into the journal. */
class ClosingAnOpenSessionTest {

    @TempDir
    Path dir;

    @Test
    void anOpenSessionIsDescribedWithItsProgressAndCurrentStep() throws Exception {
        try (Session session = WizardTestSessions.confirmOnly(dir.resolve("journal"))) {
            assertThat(OpenSession.describe(session.state(), false))
                    .hasValue("The session is open: 0 of 2 steps done; current step: First item (ready).");
            session.confirm("one", "");
            session.confirm("two", "");
            assertThat(OpenSession.describe(session.state(), false))
                    .as("complete but not closed")
                    .isPresent();
            session.finishSession("all steps done");
            assertThat(OpenSession.describe(session.state(), false))
                    .as("closed: nothing to ask")
                    .isEmpty();
        }
    }

    @Test
    void aRollbackNotFinishedIsDescribedAsRunningOrStopped() throws Exception {
        try (Session session = WizardTestSessions.confirmOnly(dir.resolve("journal"))) {
            session.startRollback("test", WizardTestSessions.OPERATOR);
            assertThat(OpenSession.describe(session.state(), true))
                    .hasValueSatisfying(
                            text -> assertThat(text)
                                    .startsWith(
                                            "The emergency rollback is running: 0 of 1 rollback steps done; next: Rolled back"));
            assertThat(OpenSession.describe(session.state(), false))
                    .hasValueSatisfying(
                            text -> assertThat(text).startsWith("The emergency rollback is stopped, not finished: "));
        }
    }

    @Test
    void leavingAnOpenSessionJournalsTheWindowClosedAndSealsTheTail() throws Exception {
        try (Session session = WizardTestSessions.confirmOnly(dir.resolve("journal"))) {
            List<SessionEvent> events = new ArrayList<>();
            session.addListener(new SessionListener() {
                @Override
                public void recorded(Recorded recorded, SessionState state) {
                    events.add(recorded.event());
                }
            });
            session.confirm("one", "");
            String before = session.lastCheckpoint().orElse("");

            String checkpoint = session.recordWindowClosed("The session is open: 1 of 2 steps done.");

            assertThat(events)
                    .last()
                    .isEqualTo(new SessionEvent.WindowClosed(
                            WizardTestSessions.OPERATOR, "The session is open: 1 of 2 steps done."));
            assertThat(checkpoint).isNotBlank().isNotEqualTo(before);
            assertThat(session.lastCheckpoint()).hasValue(checkpoint);
            assertThat(session.state().closed())
                    .as("the session itself stays open, to be resumed")
                    .isEmpty();
        }
    }
}
