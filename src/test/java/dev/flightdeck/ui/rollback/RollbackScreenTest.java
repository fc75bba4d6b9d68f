package dev.flightdeck.ui.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.rollback.VerificationTable;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rollback screen: the plan as a checklist with progress, a failing step that stops and offers retry / skip /
 * done by hand, the verification table at the end; and an expired trigger countdown starting the rollback.
 */
@ExtendWith(ApplicationExtension.class)
class RollbackScreenTest {

    @TempDir
    static Path dir;

    private Session session;
    private Path root;
    private WizardViewModel wizard;
    private final List<SessionEvent.RollbackStarted> starts = new CopyOnWriteArrayList<>();
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        root = Files.createTempDirectory(dir, "case");
        session =
                WizardTestSessions.start(root.resolve("journal"), """
                runbook: Rollback screen
                phases:
                  - id: p
                    steps:
                      - id: upgrade
                        run: touch %1$s/upgraded
                        on: local
                        undo: { run: "rm -f %1$s/upgraded", on: local }
                      - id: later
                        confirm: Never reached
                rollback:
                  - id: stop-app
                    run: test -e %1$s/app-stoppable
                    on: local
                rollback-verification:
                  - id: no-marker
                    title: The upgrade's marker is gone
                    run: test ! -e %1$s/upgraded
                    on: local
                """.formatted(root), WizardTestSessions.localOnly());
        session.run("upgrade");
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded recorded, SessionState state) {
                if (recorded.event() instanceof SessionEvent.RollbackStarted started) {
                    starts.add(started);
                }
            }
        });
        wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        Scene scene = new Scene(ConsoleViews.wizard(wizard, null), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        sessionThread.shutdownNow();
        session.close();
    }

    @Test
    void aFailingStepStopsTheRollbackAndRetryFinishesItWithTheVerificationTable(FxRobot robot) throws Exception {
        TableView<?> plan = robot.lookup("#planTable").queryAs(TableView.class);
        Node screen = robot.lookup(".rollback-screen").query();
        assertThat(screen.isVisible()).as("hidden until the rollback starts").isFalse();

        robot.interact(() -> wizard.startRollback(step -> Optional.empty()));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> robot.lookup("#decisionBox").query().isVisible());
        assertThat(screen.isVisible()).isTrue();
        assertThat(rows(plan))
                .extracting(RollbackRow::number, RollbackRow::status)
                .containsExactly(
                        Tuple.tuple("R1", "failed"), Tuple.tuple("R2", "pending"), Tuple.tuple("V1", "pending"));
        assertThat(rows(plan).get(1).why()).isEqualTo("undo of step upgrade");
        assertThat(robot.lookup("#rollbackProgress").queryAs(Label.class).getText())
                .isEqualTo("0 of 3 done");

        Files.writeString(root.resolve("app-stoppable"), "");
        robot.clickOn("#retryButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#verificationTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .isEmpty());

        TableView<?> verification = robot.lookup("#verificationTable").queryAs(TableView.class);
        assertThat(verification.getItems())
                .extracting(row -> ((VerificationTable.Row) row).result())
                .containsExactly("PASS");
        assertThat(rows(plan)).extracting(RollbackRow::status).containsExactly("succeeded", "succeeded", "succeeded");
        assertThat(robot.lookup("#rollbackProgress").queryAs(Label.class).getText())
                .isEqualTo("3 of 3 done");
        // the list is the FX thread's: copied there, not iterated while the drain still appends to it
        List<Object> output = WaitForAsyncUtils.asyncFx(() -> List.<Object>copyOf(
                        robot.lookup("#outputList").queryListView().getItems()))
                .get();
        assertThat(output).anySatisfy(line -> assertThat(line.toString()).contains("Verification passed"));
        assertThat(robot.lookup("#decisionBox").query().isVisible()).isFalse();
    }

    @Test
    void anExpiredTriggerCountdownStartsTheRollbackWithoutTheButtonNamingTheTrigger(FxRobot robot) throws Exception {
        Files.writeString(root.resolve("app-stoppable"), "");

        session.recordCountdown(
                "health fails 3 consecutive", SessionEvent.CountdownState.EXPIRED, "the countdown ran out");

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        SessionEvent.RollbackStarted started = starts.get(0);
        assertThat(started.startedBy()).isEqualTo(Session.SYSTEM);
        assertThat(started.reason())
                .isEqualTo("rollback trigger 'health fails 3 consecutive': its countdown ran out without a cancel");
        assertThat(session.state().status("no-marker")).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(root.resolve("upgraded")).doesNotExist();
    }

    @Test
    void aRollbackInterruptedBeforeThisScreenOpenedOffersToContinueIt(FxRobot robot) throws Exception {
        Files.writeString(root.resolve("app-stoppable"), "");
        session.startRollback("started before the console was reopened", "Dana");

        RollbackViewModel reopened = new RollbackViewModel(session, sessionThread, Platform::runLater);
        assertThat(reopened.stoppedProperty().get()).isTrue();
        assertThat(reopened.messageProperty().get())
                .isEqualTo("This rollback was interrupted. Retry continues it where it stopped.");
        robot.interact(reopened::retry);

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        assertThat(root.resolve("upgraded")).doesNotExist();
    }

    private static List<RollbackRow> rows(TableView<?> table) {
        return table.getItems().stream().map(RollbackRow.class::cast).toList();
    }
}
