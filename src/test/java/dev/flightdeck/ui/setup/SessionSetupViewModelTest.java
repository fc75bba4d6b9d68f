package dev.flightdeck.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
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

    @Test
    void withThePersonalKeyChosenTheSessionIsSignedWithItAndAWrongPassphraseStartsNothing(FxRobot robot)
            throws Exception {
        Path keyFile = dir.resolve("dana.fdkey");
        char[] keySecret = "dana keeps a long own passphrase".toCharArray();
        PersonalKeyFile.PublicPart dana =
                PersonalKeyFile.create(keyFile, "Dana Operator", keySecret.clone(), KdfCost.insecureForTestsOnly(64));
        SessionSetupViewModel setup = setup(robot);
        robot.interact(() -> setup.operatorKeyProperty().set(keyFile.toString()));
        robot.interact(setup::dryRun);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> setup.canStart().get());

        robot.interact(() -> setup.start(
                JournalFixture.PASSPHRASE.clone(), "not the passphrase".toCharArray(), live -> live.close()));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !setup.busyProperty().get());
        assertThat(setup.messageProperty().get()).startsWith("Could not start: ");
        assertThat(dir.resolve("journal")).doesNotExist();

        CompletableFuture<LiveSession> started = new CompletableFuture<>();
        robot.interact(() -> setup.start(JournalFixture.PASSPHRASE.clone(), keySecret, started::complete));
        try (LiveSession live = started.get(20, TimeUnit.SECONDS)) {
            live.session().confirm("one", "");
        }
        assertThat(keySecret).as("the key's passphrase is wiped").containsOnly('\0');
        assertThat(JournalVerifier.verify(dir.resolve("journal"), Optional.of(dana.publicKey()), Optional.empty())
                        .isIntact())
                .as("the checkpoints verify against Dana's own public key")
                .isTrue();
        assertThat(JournalVerifier.verify(
                                dir.resolve("journal"),
                                Optional.of(JournalFixture.newOperatorKey().publicKey()),
                                Optional.empty())
                        .isIntact())
                .as("and not against another key")
                .isFalse();
    }

    private int events() {
        return SessionJournals.read(dir.resolve("journal"), JournalFixture.PASSPHRASE.clone())
                .size();
    }
}
