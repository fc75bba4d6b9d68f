package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.ScreenChecks;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.WizardTestSessions;
import dev.flightdeck.ui.compose.ConsoleViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * The card an inconclusive analysis puts above the steps: the operator reads why, writes a note and either lets the
 * window go on or rolls it back, with the mouse as a person at the console would.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisPauseCardTest {

    private static final Path SCREEN = Path.of("docs", "screens", "analysis-pause-light.png");
    private static final String RULE = "error_rate > 5%";
    private static final String EVIDENCE =
            "app1: 2.50% is inconclusive (between 1.00% to 5.00%, neither healthy nor failed)";

    @TempDir
    static Path dir;

    private Session session;
    private Path marker;
    private Stage stage;
    private final List<SessionEvent.AnalysisDecision> decisions = new CopyOnWriteArrayList<>();
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createTempDirectory(dir, "case");
        marker = root.resolve("upgraded");
        session = WizardTestSessions.start(
                root.resolve("journal"), """
                runbook: Upgrade the clinic app
                phases:
                  - id: p
                    steps:
                      - id: upgrade
                        run: touch %s
                        on: local
                        undo: { run: "rm -f %s", on: local }
                      - id: check
                        confirm: The clinic app answers
                rollback:
                  - run: echo stopping the app for the rollback
                    on: local
                """.formatted(marker, marker), WizardTestSessions.localOnly());
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded event, SessionState now) {
                if (event.event() instanceof SessionEvent.AnalysisDecision decision) {
                    decisions.add(decision);
                }
            }
        });
        WizardViewModel wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        TestStages.show(stage, ConsoleViews.wizard(wizard, null), 1280, 800);
    }

    @AfterEach
    void close() {
        sessionThread.shutdownNow();
        session.close();
    }

    @Test
    void continuingHidesTheCardAndTheStepsGoOn(FxRobot robot) throws Exception {
        runTheUpgradeThenPause(robot);
        assertThat(robot.lookup("#confirmButton").queryButton().isDisabled())
                .as("no step action while paused")
                .isTrue();
        assertThat(ScreenChecks.clippedTexts(stage.getScene())).isEmpty();
        ScreenChecks.snapshot(stage.getScene(), SCREEN);

        robot.clickOn("#pauseNote").write("known noise after the deploy");
        robot.clickOn("Continue the window");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pauseCard(robot).isVisible());
        Button confirm = robot.lookup("#confirmButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirm.isVisible() && !confirm.isDisabled());
        assertThat(session.state().paused()).isEmpty();
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(SessionEvent.AnalysisDecision.CONTINUE);
            assertThat(decision.note()).isEqualTo("known noise after the deploy");
            assertThat(decision.decidedBy()).isEqualTo(WizardTestSessions.OPERATOR);
        });

        robot.clickOn(confirm);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.state().status("check") == StepStatus.SUCCEEDED);
    }

    @Test
    void rollingBackFromTheCardUndoesTheUpgrade(FxRobot robot) throws Exception {
        runTheUpgradeThenPause(robot);

        robot.clickOn("#pauseNote").write("errors climbing on app1");
        robot.clickOn("#pauseRollBack");

        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        assertThat(marker).as("the upgrade's undo ran").doesNotExist();
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(SessionEvent.AnalysisDecision.ROLLBACK);
            assertThat(decision.note()).isEqualTo("errors climbing on app1");
        });
        TableView<?> plan = robot.lookup("#planTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, plan::isVisible);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-message")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Session closed, closing checkpoint "));
    }

    /** The first step really runs, then the analysis cannot judge it: the card appears with the rule's evidence. */
    private void runTheUpgradeThenPause(FxRobot robot) throws Exception {
        robot.clickOn(".wizard-title");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> session.state().status("upgrade") == StepStatus.SUCCEEDED);
        assertThat(marker).exists();

        session.recordInconclusive(RULE, "inconclusive", "app1/error_rate", List.of(EVIDENCE));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pauseCard(robot).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pauseText").queryAs(Label.class).getText())
                .isEqualTo("Paused: rule '" + RULE + "' is inconclusive on app1/error_rate. No step starts until "
                        + "you continue the window or roll back.");
        assertThat(robot.lookup("#pauseEvidence").queryAs(Label.class).getText())
                .isEqualTo(EVIDENCE);
        for (String id : List.of("#pauseText", "#pauseEvidence", "#pauseNote", "#pauseContinue", "#pauseRollBack")) {
            Node node = robot.lookup(id).query();
            assertThat(ScreenChecks.fx(() -> node.isVisible()
                            && stage.getScene()
                                    .getRoot()
                                    .localToScene(stage.getScene().getRoot().getBoundsInLocal())
                                    .contains(node.localToScene(node.getBoundsInLocal()))))
                    .as(id + " is shown inside the window")
                    .isTrue();
        }
    }

    private static Node pauseCard(FxRobot robot) {
        return robot.lookup("#pauseBox").query();
    }
}
