package dev.flightdeck.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rehearsal at the smallest laptop a clinic has (1366×768) and at 1920×1080: on every screen the walk passes,
 * nothing the operator must read is cut, the red rollback button stays where it was, and the rollback screen shows
 * its whole plan and verification. Pictures of each screen go to target/screens for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAtLaptopSizeTest {

    private static final Path SCREENS = Path.of("target", "screens");

    @TempDir
    static Path dir;

    private Stage console;

    @Start
    void start(Stage stage) throws Exception {
        console = stage;
        Path home = Files.createDirectories(dir.resolve("home"));
        TestConsoles.mainWindow(new AppContext(
                        new FlightdeckHome(home.resolve(".flightdeck")), Map.of("HOME", home.toString())))
                .show(stage);
    }

    @AfterEach
    void closeTheRehearsal(FxRobot robot) throws Exception {
        robot.interact(() -> robot.listWindows().stream()
                .filter(window -> window != console && window instanceof Stage)
                .map(Stage.class::cast)
                .filter(Stage::isShowing)
                .toList()
                .forEach(Stage::close));
        RehearsalWalk.awaitSessionWindowsClosed();
    }

    @Test
    void theFaultyRehearsalAtALaptopsSize(FxRobot robot) throws Exception {
        rehearse(robot, "Upgrade with a fault", 1366, 768);
    }

    @Test
    void theHealthyRehearsalAtALaptopsSize(FxRobot robot) throws Exception {
        rehearse(robot, "Healthy upgrade", 1366, 768);
    }

    @Test
    void theFaultyRehearsalOnAFullHdScreen(FxRobot robot) throws Exception {
        rehearse(robot, "Upgrade with a fault", 1920, 1080);
    }

    @Test
    void theHealthyRehearsalOnAFullHdScreen(FxRobot robot) throws Exception {
        rehearse(robot, "Healthy upgrade", 1920, 1080);
    }

    private void rehearse(FxRobot robot, String scenario, int width, int height) throws Exception {
        String size = width + "x" + height;
        boolean fault = scenario.contains("fault");
        Set<String> clipped = new LinkedHashSet<>();
        SoftAssertions soft = new SoftAssertions();
        robot.interact(() -> size(console, width, height));
        // the built-in runbooks load in the background: the console is judged once they are listed
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ScreenChecks.fx(() -> !((ListView<?>) console.getScene().lookup(".library-list"))
                        .getItems()
                        .isEmpty()));
        robot.interact(() -> ((ListView<?>) console.getScene().lookup(".library-list"))
                .getSelectionModel()
                .select(0));
        WaitForAsyncUtils.waitForFxEvents();
        clipped.addAll(ScreenChecks.clippedTexts(console.getScene()));
        pictures(robot, console.getScene(), "console-" + size);

        WizardViewModel wizard =
                RehearsalWalk.openRehearsal(robot, scenario, stage -> size(stage, width, height), setup -> {
                    clipped.addAll(ScreenChecks.clippedTexts(setup));
                    pictures(robot, setup, "setup-" + size);
                });
        Scene session = RehearsalWalk.sessionScene(robot).orElseThrow();
        Node rollbackButton = robot.lookup("#rollbackButton").query();
        double firstX = screenX(rollbackButton);
        clipped.addAll(ScreenChecks.clippedTexts(session));
        RehearsalWalk.walk(robot, wizard, step -> {
            clipped.addAll(ScreenChecks.clippedTexts(session));
            if (step.id().equals("approve-release") || step.id().equals("migrate")) {
                pictures(robot, session, "wizard-" + step.id() + "-" + size);
            }
            if (step.id().equals("migrate")) {
                endingAsksFirst(robot, session, soft);
            }
        });
        double lastX = screenX(rollbackButton);
        pictures(robot, session, "wizard-" + (fault ? "failed" : "done") + "-" + size);
        soft.assertThat(lastX)
                .as("the rollback button's x on the screen, first and last step")
                .isCloseTo(firstX, Offset.offset(0.5));

        if (fault) {
            RehearsalWalk.holdTheRollback(robot);
            WaitForAsyncUtils.waitFor(
                    180,
                    TimeUnit.SECONDS,
                    () -> wizard.stateProperty().get().rollback() != SessionFold.RollbackState.RUNNING
                            && wizard.stateProperty().get().rollback() != SessionFold.RollbackState.NOT_STARTED
                            && !wizard.rollback().verification().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> plan = robot.lookup("#planTable").queryTableView();
            TableView<?> verification = robot.lookup("#verificationTable").queryTableView();
            pictures(robot, session, "rollback-" + size);
            soft.assertThat(ScreenChecks.wholeRowsShown(plan))
                    .as("plan rows shown whole")
                    .isEqualTo(plan.getItems().size());
            soft.assertThat(ScreenChecks.wholeRowsShown(verification))
                    .as("verification rows shown whole")
                    .isEqualTo(verification.getItems().size());
            clipped.addAll(ScreenChecks.clippedTexts(session));
        }
        soft.assertThat(clipped).as("texts cut on the screen at " + size).isEmpty();
        soft.assertThat(darkClipped)
                .as("texts cut in the dark theme at " + size)
                .isEmpty();
        soft.assertAll();
    }

    /** Ending the rehearsal with its session open asks first and says the state; "Keep working" keeps the window. */
    private static void endingAsksFirst(FxRobot robot, Scene session, SoftAssertions soft) throws Exception {
        robot.clickOn(robot.lookup("#endRehearsalButton").<Node>query());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".close-session-dialog").tryQuery().isPresent());
        DialogPane question = robot.lookup(".close-session-dialog").query();
        soft.assertThat(question.getHeaderText())
                .startsWith("The session is open: ")
                .contains("steps done");
        robot.clickOn(robot.from(question)
                .lookup((Button button) -> button.getText().equals("Keep working"))
                .<Node>query());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".close-session-dialog").tryQuery().isEmpty());
        soft.assertThat(session.getWindow().isShowing())
                .as("the window stays after Keep working")
                .isTrue();
        // keyboard input goes back to the wizard's window
        robot.clickOn(robot.lookup(".wizard-title").<Node>query());
    }

    /** The screen in the light theme, then in the dark one (checked for cut texts too), back to light. */
    private void pictures(FxRobot robot, Scene scene, String name) throws Exception {
        ScreenChecks.snapshot(scene, SCREENS.resolve(name + "-light.png"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            darkClipped.addAll(ScreenChecks.clippedTexts(scene));
            ScreenChecks.snapshot(scene, SCREENS.resolve(name + "-dark.png"));
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private final Set<String> darkClipped = new LinkedHashSet<>();

    private static double screenX(Node node) throws Exception {
        return ScreenChecks.fx(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            return bounds.getMinX() - node.getScene().getWindow().getX();
        });
    }

    private static void size(Stage stage, int width, int height) {
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(width);
        stage.setHeight(height);
    }
}
