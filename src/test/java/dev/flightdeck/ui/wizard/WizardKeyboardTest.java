package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Session;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.output.OutputFeed;
import dev.flightdeck.ui.output.OutputPaneView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An admin walks a small runbook to the end with the keyboard only, on a real session and journal. */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {

    @TempDir
    static Path dir;

    private Session session;
    private WizardViewModel wizard;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        session = WizardTestSessions.start(
                dir.resolve("journal-" + System.nanoTime()), """
                runbook: Small window
                phases:
                  - id: prepare
                    steps:
                      - id: notice
                        confirm: Users were notified
                      - id: hello
                        run: echo hello from the window
                        on: local
                  - id: change
                    steps:
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                      - id: done
                        confirm: { text: Users told the window is over, note: required }
                rollback:
                  - confirm: Rolled back
                """, WizardTestSessions.localOnly());
        wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        OutputPaneView console = new OutputPaneView();
        OutputFeed.attach(session, console.console());
        TestStages.show(stage, ConsoleViews.wizard(wizard, console), 1280, 800);
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

    /** The journal says so first; the screen is ready for the next key once the wizard is no longer busy. */
    private void waitFor(String stepId, StepStatus status) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    15, TimeUnit.SECONDS, () -> session.state().status(stepId) == status);
            WaitForAsyncUtils.waitFor(
                    15, TimeUnit.SECONDS, () -> !wizard.busyProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "step " + stepId + " is " + session.state().status(stepId) + " (expected " + status
                            + "); recorded: '"
                            + session.state().record(stepId).message() + "'; wizard busy "
                            + wizard.busyProperty().get() + ", message '"
                            + wizard.messageProperty().get() + "', focus " + robot().targetWindow(),
                    e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private FxRobot robot;

    private FxRobot robot() {
        return robot;
    }

    /**
     * Ctrl+Enter for the current step. Under a loaded headless toolkit a key event is occasionally lost before it
     * reaches the window; only if the step has not started at all after 5 s is the key pressed again.
     */
    private void primaryKey(FxRobot robot, String stepId) throws Exception {
        this.robot = robot;
        for (int attempt = 1; attempt <= 3; attempt++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
            try {
                WaitForAsyncUtils.waitFor(
                        5,
                        TimeUnit.SECONDS,
                        () -> wizard.busyProperty().get() || session.state().status(stepId) != StepStatus.READY);
                return;
            } catch (TimeoutException lostKey) {
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    @Test
    void theWholeRunbookIsWalkedWithTheKeyboardOnly(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        primaryKey(robot, "notice");
        waitFor("notice", StepStatus.SUCCEEDED);
        // focus follows the card: the next step's own button, once the confirmation has settled and it is enabled
        try {
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () -> robot.lookup(".title-2")
                                            .queryAs(Label.class)
                                            .getScene()
                                            .getFocusOwner()
                                    instanceof Button button
                            && "Run this step (Ctrl+Enter)".equals(button.getAccessibleText()));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "focus on "
                            + robot.lookup(".title-2")
                                    .queryAs(Label.class)
                                    .getScene()
                                    .getFocusOwner(),
                    e);
        }

        primaryKey(robot, "hello");
        waitFor("hello", StepStatus.SUCCEEDED);
        assertThat(session.state().record("hello").outputs()).containsEntry("stdout", "hello from the window");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup(".list-cell").queryAll().stream()
                        .anyMatch(cell -> cell instanceof ListCell<?> listCell
                                && listCell.getItem() != null
                                && listCell.getItem().toString().contains("hello from the window")));

        robot.write("Lee Compliance");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("gate", StepStatus.SUCCEEDED);
        assertThat(session.state().record("gate").approvals())
                .singleElement()
                .satisfies(approval -> assertThat(approval.approver()).isEqualTo("Lee Compliance"));

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".wizard-message")
                        .queryAs(Label.class)
                        .getText()
                        .equals("step 'done' needs a note saying how you checked"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !wizard.busyProperty().get());

        robot.write("announced in the clinic chat");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor("done", StepStatus.SUCCEEDED);

        assertThat(session.state().isComplete()).isTrue();
        assertThat(session.state().record("done").note()).contains("announced in the clinic chat");
        assertThat(robot.lookup(".title-2").queryAs(Label.class).getText()).isEqualTo("Every step is done");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> session.state().closed().isPresent());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".wizard-message")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Session closed. Closing checkpoint "));
    }

    @Test
    void theStepShortcutWorksWhileTheFocusIsInTheConsolesSearchField(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        robot.interact(() -> robot.lookup(".text-field")
                .match((TextField field) -> "Find (Ctrl+F)".equals(field.getPromptText()))
                .queryAs(TextField.class)
                .requestFocus());

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.state().status("notice") == StepStatus.SUCCEEDED);
    }

    @Test
    void theOperatorCannotApproveTheirOwnGateFromTheScreen(FxRobot robot) throws Exception {
        focusOurWindow(robot);
        primaryKey(robot, "notice");
        waitFor("notice", StepStatus.SUCCEEDED);
        primaryKey(robot, "hello");
        waitFor("hello", StepStatus.SUCCEEDED);

        robot.write(WizardTestSessions.OPERATOR);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup(".wizard-message")
                        .queryAs(Label.class)
                        .getText()
                        .isEmpty());

        assertThat(robot.lookup(".wizard-message").queryAs(Label.class).getText())
                .startsWith(WizardTestSessions.OPERATOR + " is running this session and cannot approve its gates");
        assertThat(session.state().status("gate")).isEqualTo(StepStatus.READY);
    }
}
