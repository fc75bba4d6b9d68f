package dev.flightdeck.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.WizardTestSessions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Setup on the real launcher and journal: a dry run before starting; a session's folder is resumed, not overwritten. */
@ExtendWith(ApplicationExtension.class)
class SessionSetupViewModelTest {

    private static final Runbook RUNBOOK = RunbookLoader.load(WizardTestSessions.TWO_CHECKS, "two.runbook.yaml", "two")
            .orElseThrow();

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private SessionSetupViewModel setup(FxRobot robot) {
        SessionLauncher launcher = new SessionLauncher(
                new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of()),
                JournalFixture.fastOptions(),
                KdfCost.insecureForTestsOnly(64));
        SessionSetupViewModel setup = new SessionSetupViewModel(RUNBOOK, "sha-two", launcher, background);
        robot.interact(() -> {
            setup.operatorProperty().set("Dana Operator");
            setup.journalProperty().set(dir.resolve("journal").toString());
        });
        return setup;
    }

    private LiveSession startOrResume(FxRobot robot, SessionSetupViewModel setup) throws Exception {
        robot.interact(setup::dryRun);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> setup.canStart().get());
        CompletableFuture<LiveSession> started = new CompletableFuture<>();
        robot.interact(() -> setup.start(JournalFixture.PASSPHRASE.clone(), started::complete));
        return started.get(20, TimeUnit.SECONDS);
    }

    @Test
    void startingNeedsADryRunAndAnExistingSessionFolderIsResumed(FxRobot robot) throws Exception {
        SessionSetupViewModel first = setup(robot);
        assertThat(first.canStart().get()).as("no dry run yet").isFalse();

        try (LiveSession live = startOrResume(robot, first)) {
            assertThat(first.resumingProperty().get()).isFalse();
            live.session().confirm("one", "done before the crash");
        }

        SessionSetupViewModel second = setup(robot);
        try (LiveSession resumed = startOrResume(robot, second)) {
            assertThat(second.resumingProperty().get()).isTrue();
            assertThat(second.messageProperty().get()).isEqualTo("Session resumed.");
            assertThat(resumed.session().state().status("one")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(resumed.session().state().currentStep())
                    .map(step -> step.id())
                    .contains("two");
        }
    }

    @Test
    void aClosedSessionsFolderOpensItToBeLookedAtAndWritesNothing(FxRobot robot) throws Exception {
        try (LiveSession live = startOrResume(robot, setup(robot))) {
            live.session().confirm("one", "");
            live.session().confirm("two", "");
            live.session().finishSession("all steps done");
        }
        int closedEvents = events();

        SessionSetupViewModel again = setup(robot);
        robot.interact(again::dryRun);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.canStart().get());
        assertThat(again.closedSessionProperty().get()).isTrue();
        assertThat(again.messageProperty().get())
                .startsWith("This journal folder holds a closed session of this runbook")
                .contains("nothing is written to it unless you start its emergency rollback");
        CompletableFuture<LiveSession> opened = new CompletableFuture<>();
        robot.interact(() -> again.start(JournalFixture.PASSPHRASE.clone(), opened::complete));
        try (LiveSession closed = opened.get(20, TimeUnit.SECONDS)) {
            assertThat(again.messageProperty().get()).isEqualTo("Closed session opened.");
            assertThat(closed.session().state().closed()).contains("all steps done");
        }
        assertThat(JournalVerifier.verify(dir.resolve("journal"), Optional.empty(), Optional.empty())
                        .isClosed())
                .as("still closed after being looked at")
                .isTrue();
        assertThat(events()).as("not one record was added by looking").isEqualTo(closedEvents);
    }

    private int events() {
        return SessionJournals.read(dir.resolve("journal"), JournalFixture.PASSPHRASE.clone())
                .size();
    }
}
