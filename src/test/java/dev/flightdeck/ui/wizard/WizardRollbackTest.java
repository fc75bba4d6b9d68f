package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.rollback.RollbackDialog;
import dev.flightdeck.ui.rollback.RollbackRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The emergency rollback button: a short click does nothing; holding it rolls the session back. */
@ExtendWith(ApplicationExtension.class)
class WizardRollbackTest {

    @TempDir
    static Path dir;

    private Session session;
    private Path marker;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "case");
        marker = root.resolve("upgraded");
        session = WizardTestSessions.start(
                root.resolve("journal"), """
                runbook: Rollback me
                phases:
                  - id: p
                    steps:
                      - id: upgrade
                        run: touch %s
                        on: local
                        undo: { run: "rm -f %s", on: local }
                      - id: later
                        confirm: Never reached
                rollback:
                  - run: echo stopping the app for the rollback
                    on: local
                """.formatted(marker, marker), WizardTestSessions.localOnly());
        WizardViewModel wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        TestStages.show(stage, ConsoleViews.wizard(wizard, null), 1280, 800);
    }

    /** Keyboard input goes to the focused window: click once into ours, on a label that does nothing, as a user would. */
    private static void focusOurWindow(FxRobot robot) {
        robot.clickOn(".wizard-title");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        sessionThread.shutdownNow();
        session.close();
    }

    @Test
    void theWizardShortcutStillWorksWhileTheRollbackButtonHasTheFocus(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        robot.interact(rollback::requestFocus);

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> session.state().status("upgrade") == StepStatus.SUCCEEDED);
        assertThat(session.state().rollback()).isEqualTo(SessionFold.RollbackState.NOT_STARTED);
    }

    @Test
    void holdingOpensTheDialogAndCancellingItLeavesTheSessionAlone(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        robot.interact(rollback::requestFocus);

        robot.press(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-dialog").tryQuery().isPresent());
        robot.release(KeyCode.SPACE);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".rollback-dialog").tryQuery()).isEmpty();
        assertThat(session.state().rollback()).isEqualTo(SessionFold.RollbackState.NOT_STARTED);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aShortClickDoesNothingAndHoldingTheButtonRollsBack(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> session.state().status("upgrade") == StepStatus.SUCCEEDED);
        assertThat(marker).exists();
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rollback.isDisabled());

        robot.clickOn(rollback);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.state().rollback()).as("a short click").isEqualTo(SessionFold.RollbackState.NOT_STARTED);

        robot.moveTo(rollback).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-dialog").tryQuery().isPresent());
        robot.release(MouseButton.PRIMARY);
        DialogPane dialog = robot.lookup(".rollback-dialog").queryAs(DialogPane.class);
        assertThat(robot.from(dialog).lookup(".text-area").queryAll())
                .anySatisfy(area -> assertThat(((TextArea) area).getText())
                        .contains("Migration fails", "Database restore", "App won't start"));
        assertThat(session.state().rollback())
                .as("held, but not yet confirmed in the dialog")
                .isEqualTo(SessionFold.RollbackState.NOT_STARTED);
        robot.clickOn(RollbackDialog.ROLL_BACK);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);

        assertThat(marker).doesNotExist();
        assertThat(rollback.getTooltip().getText())
                .contains(
                        "R1   Command        Run: echo stopping the app for the rollback  (rollback procedure)",
                        "R2   Command        Run: rm -f",
                        "(undo of step upgrade)");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-message")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Session closed, closing checkpoint "));
        TableView<?> plan = robot.lookup("#planTable").queryAs(TableView.class);
        assertThat(plan.isVisible())
                .as("the rollback screen replaced the steps")
                .isTrue();
        assertThat(plan.getItems())
                .extracting(row -> ((RollbackRow) row).status())
                .containsOnly("succeeded");
    }
}
