package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.rollback.RollbackDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The emergency does not wait for the step that is running: a long watch is stopped and the rollback starts at once. */
@ExtendWith(ApplicationExtension.class)
class RollbackDuringAStepTest {

    @TempDir
    static Path dir;

    private Session session;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "case");
        session = WizardTestSessions.start(root.resolve("journal"), """
                runbook: A long watch
                phases:
                  - id: p
                    steps:
                      - id: hang
                        title: A command that hangs for ten minutes
                        run: sleep 600
                        on: local
                rollback:
                  - run: echo rolled back
                    on: local
                """, WizardTestSessions.localOnly());
        WizardViewModel wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        TestStages.show(stage, ConsoleViews.wizard(wizard, null), 1280, 800);
    }

    @AfterEach
    void close() {
        sessionThread.shutdownNow();
        session.close();
    }

    @Test
    void holdingTheButtonWhileAStepRunsStopsTheStepAndRollsBack(FxRobot robot) throws Exception {
        robot.clickOn(".wizard-title");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.state().status("hang") == StepStatus.RUNNING);
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rollback.isDisabled()).as("the button while a step runs").isFalse();

        robot.moveTo(rollback).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-dialog").tryQuery().isPresent());
        robot.release(MouseButton.PRIMARY);
        assertThat(robot.lookup(".rollback-stops-step").queryAs(Label.class).getText())
                .startsWith("Step 'A command that hangs for ten minutes' is running: it will be stopped first");
        robot.clickOn(robot.lookup(".button")
                .match((Button button) -> button.getText().equals(RollbackDialog.ROLL_BACK))
                .<Node>query());

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        assertThat(session.state().status("hang")).isEqualTo(StepStatus.UNKNOWN);
        assertThat(session.state().record("hang").message()).contains("cancelled by the operator");
    }
}
