package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.rollback.RollbackDialog;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A rehearsal as a new user walks it: Ctrl+R, the scenario, the setup, then every step with the keyboard. */
final class RehearsalWalk {

    /**
     * Waits until every closed session window has finished closing in the background (its session sealed, its sandbox's
     * database stopped): until then the sandbox still writes under the test's home, which JUnit is about to delete.
     */
    static void awaitSessionWindowsClosed() throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(
                                thread -> thread.isAlive() && thread.getName().equals("flightdeck-session-close")));
    }

    static final String OPERATOR = "Dana Operator";
    static final String APPROVER = "Lee Compliance";

    private RehearsalWalk() {}

    /** Called after every step the walk settles (a check of the screen, a picture). */
    interface AfterStep {
        void settled(Step step) throws Exception;
    }

    /**
     * Holds the red button until the dialog comes, and chooses "Roll back now" in it. On a loaded machine the trigger's
     * own countdown may run out first: then the rollback is already under way and there is nothing to hold.
     */
    static void holdTheRollback(FxRobot robot) throws Exception {
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rollback.isDisabled() || rollbackUnderway(robot));
        if (rollbackUnderway(robot)) {
            return;
        }
        robot.moveTo(rollback).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-dialog").tryQuery().isPresent() || rollbackUnderway(robot));
        robot.release(MouseButton.PRIMARY);
        if (robot.lookup(".rollback-dialog").tryQuery().isPresent()) {
            robot.clickOn(robot.lookup(".button")
                    .match((Button button) -> button.getText().equals(RollbackDialog.ROLL_BACK))
                    .<Node>query());
        }
    }

    private static boolean rollbackUnderway(FxRobot robot) {
        return robot.lookup(".rollback-screen").tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Ctrl+R, the scenario, then the setup filled in and started: the wizard of a rehearsal session. */
    static WizardViewModel openRehearsal(FxRobot robot, String scenario) throws Exception {
        return openRehearsal(robot, scenario, stage -> {}, scene -> {});
    }

    /** Called with the setup's scene once its dry run is done (a check of the screen, a picture). */
    interface AtSetup {
        void ready(Scene setup) throws Exception;
    }

    /** The scene of the session's window, once it shows the wizard. */
    static Optional<Scene> sessionScene(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(Window::isShowing)
                .map(Window::getScene)
                .filter(Objects::nonNull)
                .filter(scene -> scene.getRoot().getProperties().get(WizardViewModel.class) != null)
                .findFirst();
    }

    /** The same, with the session's window arranged (sized) as soon as it shows. */
    static WizardViewModel openRehearsal(FxRobot robot, String scenario, Consumer<Stage> arrange, AtSetup atSetup)
            throws Exception {
        return openRehearsal(robot, scenario, arrange, atSetup, Optional.empty());
    }

    /** With the team file typed into the setup's roster field: the session's gates then take signed approvals only. */
    static WizardViewModel openRehearsal(
            FxRobot robot, String scenario, Consumer<Stage> arrange, AtSetup atSetup, Optional<Path> roster)
            throws Exception {
        return openRehearsal(robot, scenario, arrange, atSetup, roster, Optional.empty());
    }

    /** The operator's personal key file and its own passphrase, as the operator types them into the setup. */
    record PersonalKeyChoice(Path file, String passphrase) {}

    /** With the operator's personal key too: it opens the session and signs its checkpoints. */
    static WizardViewModel openRehearsal(
            FxRobot robot,
            String scenario,
            Consumer<Stage> arrange,
            AtSetup atSetup,
            Optional<Path> roster,
            Optional<PersonalKeyChoice> operatorKey)
            throws Exception {
        robot.clickOn(shown(robot, ".app-title"));
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> scenarioButton(robot, scenario).isPresent());
        robot.clickOn(scenarioButton(robot, scenario).orElseThrow());
        Node operator;
        try {
            operator = shown(robot, "#operator", 90);
            Stage sessionStage = (Stage) operator.getScene().getWindow();
            robot.interact(() -> arrange.accept(sessionStage));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no setup after starting the sandbox; the window says: "
                            + robot.lookup(".setup-message").queryAll().stream()
                                    .map(node -> ((Labeled) node).getText())
                                    .toList(),
                    e);
        }
        // typing works without a click: the setup opens with the operator's field focused
        Node operatorField = operator;
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenChecks.fx(operatorField::isFocused));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the operator's field has no focus when the setup opens; the focus is on "
                            + ScreenChecks.fx(() -> operatorField.getScene().getFocusOwner()),
                    e);
        }
        // TestFX types into its target window: name the setup's, as the window manager would after it opened
        robot.targetWindow(operatorField.getScene().getWindow());
        robot.write(OPERATOR);
        robot.clickOn(shown(robot, "#passphrase")).write("correct horse battery staple");
        if (roster.isPresent()) {
            Node rosterField = shown(robot, "#roster");
            robot.interact(() -> ((TextField) rosterField).clear());
            robot.clickOn(rosterField).write(roster.get().toString());
        }
        if (operatorKey.isPresent()) {
            robot.clickOn(shown(robot, "#operatorKey"))
                    .write(operatorKey.get().file().toString());
            robot.clickOn(shown(robot, "#operatorKeyPassphrase"))
                    .write(operatorKey.get().passphrase());
        }
        Node dryRun = shown(robot, "#dryRunButton");
        robot.clickOn(dryRun);
        // the session window's own start button (the main window has a "Start session…" button with the same id)
        Button start =
                robot.from(operator.getScene().getRoot()).lookup("#startButton").queryButton();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !start.isDisabled());
        } catch (TimeoutException e) {
            ScreenChecks.snapshot(start.getScene(), Path.of("target", "screens", "setup-not-startable.png"));
            throw new AssertionError(
                    "Start stays disabled; operator '" + ScreenChecks.fx(() -> ((TextField) operatorField).getText())
                            + "', the setup says: "
                            + robot.lookup(".setup-message").queryAll().stream()
                                    .map(node -> ((Labeled) node).getText())
                                    .toList(),
                    e);
        }
        // after the dry run the focus is back on its button, and one Tab reaches Start session
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenChecks.fx(dryRun::isFocused));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ScreenChecks.fx(start::isFocused));
        atSetup.ready(start.getScene());
        robot.clickOn(start);
        try {
            WaitForAsyncUtils.waitFor(
                    5,
                    TimeUnit.SECONDS,
                    () -> start.isDisabled() || wizard(robot).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the start button did not take the click: " + start.localToScreen(start.getBoundsInLocal())
                            + " in window " + start.getScene().getWindow().getX() + ","
                            + start.getScene().getWindow().getY() + " "
                            + start.getScene().getWindow().getWidth() + "x"
                            + start.getScene().getWindow().getHeight(),
                    e);
        }
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wizard(robot).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no wizard after the start; the setup says: "
                            + robot.lookup(".setup-message").queryAll().stream()
                                    .map(node -> ((Labeled) node).getText())
                                    .toList(),
                    e);
        }
        WizardViewModel wizard = wizard(robot).orElseThrow();
        assertThat(wizard.stateProperty().get().opened().map(SessionEvent.SessionOpened::mode))
                .contains(SessionEvent.Mode.REHEARSAL);
        // keyboard input goes to the focused window: click once into the wizard's, on its title, as a user would
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wizardTitle(robot).isPresent());
        robot.clickOn(wizardTitle(robot).orElseThrow());
        return wizard;
    }

    /**
     * The node a query finds in a showing window, looked up on the FX thread once it is there. Looked up from the test
     * thread, a node can be found while the FX thread is still attaching its screen (its scene not yet set, as a
     * clean-clone CI run once hit), or in a window an earlier test closed.
     */
    static Node shown(FxRobot robot, String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(
                seconds, TimeUnit.SECONDS, () -> shownNow(robot, query).isPresent());
        return shownNow(robot, query).orElseThrow();
    }

    static Node shown(FxRobot robot, String query) throws Exception {
        return shown(robot, query, 10);
    }

    static Optional<Node> shownNow(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAll().stream()
                        .filter(node -> node.getScene() != null
                                && node.getScene().getWindow() != null
                                && node.getScene().getWindow().isShowing())
                        .findFirst())
                .get();
    }

    static Optional<Node> wizardTitle(FxRobot robot) {
        return robot.lookup(".wizard-title")
                .match((Node title) -> title.getScene() != null && title.isVisible())
                .tryQuery();
    }

    static Optional<Button> scenarioButton(FxRobot robot, String scenario) {
        return robot.lookup(".button")
                .match((Button button) ->
                        button.getText().equals(scenario) && button.getScene() != null && button.isVisible())
                .tryQuery();
    }

    static Optional<WizardViewModel> wizard(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(Window::isShowing)
                .map(Window::getScene)
                .filter(Objects::nonNull)
                .map(scene -> (WizardViewModel) scene.getRoot().getProperties().get(WizardViewModel.class))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Every step with the keyboard — Ctrl+Enter runs or confirms, an approval is typed and recorded with Ctrl+Shift+A —
     * until all are done (empty) or one fails (that step).
     */
    static Optional<Step> walk(FxRobot robot, WizardViewModel wizard) throws Exception {
        return walk(robot, wizard, step -> {});
    }

    static Optional<Step> walk(FxRobot robot, WizardViewModel wizard, AfterStep afterStep) throws Exception {
        return walk(robot, wizard, afterStep, Optional.empty());
    }

    /** An approver at the operator's laptop: their key file, and the passphrase they type themselves. */
    record Approver(Path keyFile, String passphrase) {}

    /** The same; at a gate the approver picks their key file and types their passphrase when one is given. */
    static Optional<Step> walk(FxRobot robot, WizardViewModel wizard, AfterStep afterStep, Optional<Approver> approver)
            throws Exception {
        while (!wizard.completeProperty().get()) {
            Step step = wizard.currentProperty().get().step();
            if (wizard.stateProperty().get().status(step.id()) == StepStatus.FAILED) {
                return Optional.of(step);
            }
            if (step.kind() == StepKind.APPROVE && approver.isPresent()) {
                act(wizard, step, () -> {
                    // a retried attempt starts from empty fields, as a person would retype them
                    TextField keyFile = robot.lookup("#approverKeyFile").query();
                    TextField passphrase = robot.lookup("#approverPassphrase").query();
                    robot.interact(() -> {
                        keyFile.clear();
                        passphrase.clear();
                    });
                    robot.clickOn(keyFile).write(approver.get().keyFile().toString());
                    robot.clickOn(passphrase).write(approver.get().passphrase());
                    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
                });
            } else if (step.kind() == StepKind.APPROVE) {
                act(wizard, step, () -> {
                    robot.clickOn(robot.lookup("#approverName").<Node>query()).write(APPROVER);
                    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
                });
            } else {
                act(
                        wizard,
                        step,
                        () -> robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL));
            }
            awaitOutcome(wizard, step);
            afterStep.settled(step);
        }
        return Optional.empty();
    }

    /** The keys for the step; under a loaded headless toolkit a key is occasionally lost, so they are repeated only if nothing started. */
    static void act(WizardViewModel wizard, Step step, Runnable keys) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            keys.run();
            try {
                WaitForAsyncUtils.waitFor(
                        5,
                        TimeUnit.SECONDS,
                        () -> wizard.busyProperty().get()
                                || wizard.stateProperty().get().status(step.id()) != StepStatus.READY);
                return;
            } catch (TimeoutException lostKey) {
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /** The step done, skipped or failed, and the wizard ready for the next key. */
    static void awaitOutcome(WizardViewModel wizard, Step step) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
                StepStatus status = wizard.stateProperty().get().status(step.id());
                return (status.isSettled() || status == StepStatus.FAILED)
                        && !wizard.busyProperty().get();
            });
        } catch (TimeoutException e) {
            SessionState state = wizard.stateProperty().get();
            throw new AssertionError(
                    "step " + step.id() + " is " + state.status(step.id()) + ": '"
                            + state.record(step.id()).message() + "'; wizard busy "
                            + wizard.busyProperty().get() + ", message '"
                            + wizard.messageProperty().get() + "'",
                    e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
