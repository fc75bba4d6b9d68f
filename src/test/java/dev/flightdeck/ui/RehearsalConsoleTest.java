package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.AppContext;
import dev.flightdeck.app.FlightdeckHome;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.rollback.RollbackDialog;
import dev.flightdeck.ui.wizard.StepRow;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's first evening with Flightdeck: open the console, choose Rehearse, walk the healthy upgrade to the
 * end with the keyboard against the sandbox — real PostgreSQL, real SSH hosts, the real clinic app — and close it.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalConsoleTest {

    private static final String OPERATOR = "Dana Operator";
    private static final String APPROVER = "Lee Compliance";

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        new MainWindow(new AppContext(new FlightdeckHome(home.resolve(".flightdeck")), Map.of("HOME", home.toString()))).show(stage);
    }

    @Test
    void aNewUserRehearsesTheHealthyUpgradeWithTheKeyboard(FxRobot robot) throws Exception {
        WizardViewModel wizard = openRehearsal(robot, "Healthy upgrade");
        assertThat(robot.lookup(".rehearsal-title").queryLabeled().getText()).isEqualTo("REHEARSAL");

        walkToTheEnd(robot, wizard);

        SessionState state = wizard.stateProperty().get();
        assertThat(state.isComplete()).isTrue();
        assertThat(state.runbook().steps().map(step -> state.status(step.id()))).containsOnly(StepStatus.SUCCEEDED);
        assertThat(state.record("canary-rollout").message()).isNotBlank();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wizard.stateProperty().get().closed().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".wizard-message").queryLabeled().getText()
                .startsWith("Session closed. Closing checkpoint "));
    }

    @Test
    void theFaultyUpgradeTripsTheTriggerAndTheOperatorHoldsTheEmergencyRollback(FxRobot robot) throws Exception {
        WizardViewModel wizard = openRehearsal(robot, "Upgrade with a fault");
        walkUntilAStepFails(robot, wizard);
        SessionState failed = wizard.stateProperty().get();
        assertThat(wizard.currentProperty().get().step().id()).isEqualTo("watch");
        assertThat(failed.record("watch").message()).contains("rollback trigger fired", "error_rate > 1%");

        // the operator acts before the trigger's own countdown would: hold the red button, then confirm in the dialog
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rollback.isDisabled());
        robot.moveTo(rollback).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".rollback-dialog").tryQuery().isPresent());
        robot.release(MouseButton.PRIMARY);
        robot.clickOn(robot.lookup(".button").match((Button button) -> button.getText().equals(RollbackDialog.ROLL_BACK)).<Node>query());

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wizard.stateProperty().get().rollback() != SessionFold.RollbackState.RUNNING
                && wizard.stateProperty().get().rollback() != SessionFold.RollbackState.NOT_STARTED);
        SessionState after = wizard.stateProperty().get();
        assertThat(after.rollback()).as(String.valueOf(after.verification())).isEqualTo(SessionFold.RollbackState.SUCCEEDED);
        assertThat(after.verification()).hasValueSatisfying(table -> assertThat(table.passed()).isTrue());
        assertThat(after.alarms()).isNotEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".rollback-message").queryLabeled().getText()
                .startsWith("Rollback done. Checkpoint "));
    }

    /** Walks with the keyboard until a step fails: the watch, when the fault makes the error-rate trigger fire. */
    private static void walkUntilAStepFails(FxRobot robot, WizardViewModel wizard) throws Exception {
        while (true) {
            Step step = wizard.currentProperty().get().step();
            if (wizard.stateProperty().get().status(step.id()) == StepStatus.FAILED) {
                return;
            }
            if (step.kind() == StepKind.APPROVE) {
                robot.write(APPROVER);
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
            } else {
                primaryKey(robot, wizard, step);
            }
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wizard.stateProperty().get().status(step.id()).isSettled()
                    || wizard.stateProperty().get().status(step.id()) == StepStatus.FAILED);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizard.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Ctrl+R, the scenario, then the setup filled in and started: the wizard of a rehearsal session. */
    private static WizardViewModel openRehearsal(FxRobot robot, String scenario) throws Exception {
        robot.clickOn(".app-title");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scenarioButton(robot, scenario).isPresent());
        robot.clickOn(scenarioButton(robot, scenario).orElseThrow());
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#operator").tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no setup after starting the sandbox; the window says: "
                    + robot.lookup(".setup-message").queryAll().stream().map(node -> ((javafx.scene.control.Labeled) node).getText()).toList(), e);
        }
        // nodes are clicked as found: a closed dialog leaves a window without a scene, which lookups by query trip over
        robot.clickOn(robot.lookup("#operator").<javafx.scene.Node>query()).write(OPERATOR);
        robot.clickOn(robot.lookup("#passphrase").<javafx.scene.Node>query()).write("correct horse battery staple");
        robot.clickOn(robot.lookup("#dryRunButton").<javafx.scene.Node>query());
        // the session window's own start button (the main window has a "Start session…" button with the same id)
        Button start = robot.from(robot.lookup("#operator").<Node>query().getScene().getRoot()).lookup("#startButton").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !start.isDisabled());
        robot.clickOn(start);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> start.isDisabled() || wizard(robot).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("the start button did not take the click: " + start.localToScreen(start.getBoundsInLocal())
                    + " in window " + start.getScene().getWindow().getX() + "," + start.getScene().getWindow().getY() + " "
                    + start.getScene().getWindow().getWidth() + "x" + start.getScene().getWindow().getHeight(), e);
        }
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wizard(robot).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no wizard after the start; the setup says: " + robot.lookup(".setup-message").queryAll().stream()
                    .map(node -> ((javafx.scene.control.Labeled) node).getText()).toList(), e);
        }
        WizardViewModel wizard = wizard(robot).orElseThrow();
        assertThat(wizard.stateProperty().get().opened().map(SessionEvent.SessionOpened::mode)).contains(SessionEvent.Mode.REHEARSAL);
        robot.clickOn(robot.lookup(".wizard-title").<javafx.scene.Node>query());
        return wizard;
    }

    private static Optional<Button> scenarioButton(FxRobot robot, String scenario) {
        return robot.lookup(".button").match((Button button) -> button.getText().equals(scenario) && button.getScene() != null
                && button.isVisible()).tryQuery();
    }

    private static Optional<WizardViewModel> wizard(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing).map(Window::getScene).filter(java.util.Objects::nonNull)
                .map(scene -> (WizardViewModel) scene.getRoot().getProperties().get(WizardViewModel.class)).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Every step with the keyboard: Ctrl+Enter runs or confirms, the approval is typed and recorded with Ctrl+Shift+A. */
    private static void walkToTheEnd(FxRobot robot, WizardViewModel wizard) throws Exception {
        while (!wizard.completeProperty().get()) {
            StepRow row = wizard.currentProperty().get();
            Step step = row.step();
            if (step.kind() == StepKind.APPROVE) {
                robot.write(APPROVER);
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
            } else {
                primaryKey(robot, wizard, step);
            }
            settle(wizard, step, StepStatus.SUCCEEDED);
        }
    }

    /** Ctrl+Enter; under a loaded headless toolkit a key is occasionally lost, so it is pressed again only if nothing started. */
    private static void primaryKey(FxRobot robot, WizardViewModel wizard, Step step) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wizard.busyProperty().get()
                        || wizard.stateProperty().get().status(step.id()) != StepStatus.READY);
                return;
            } catch (TimeoutException lostKey) {
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    private static void settle(WizardViewModel wizard, Step step, StepStatus expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wizard.stateProperty().get().status(step.id()) == expected
                    && !wizard.busyProperty().get());
        } catch (TimeoutException e) {
            SessionState state = wizard.stateProperty().get();
            throw new AssertionError("step " + step.id() + " is " + state.status(step.id()) + ", expected " + expected + ": '"
                    + state.record(step.id()).message() + "'; wizard message '" + wizard.messageProperty().get() + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
