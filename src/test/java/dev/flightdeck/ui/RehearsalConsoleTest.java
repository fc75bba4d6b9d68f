package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.testing.tools.RequiresTool;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A new user's first evening with Flightdeck: open the console, choose Rehearse, walk the healthy upgrade to the
 * end with the keyboard against the sandbox — real PostgreSQL, real SSH hosts, the real clinic app — and close it.
 */
@ExtendWith(ApplicationExtension.class)
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class RehearsalConsoleTest {

    @TempDir
    static Path dir;

    private Stage console;

    /** Closes the rehearsal's window as a user would, which stops its sandbox; the next test starts from the console. */
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

    @Start
    void start(Stage stage) throws Exception {
        console = stage;
        Path home = Files.createDirectories(dir.resolve("home"));
        TestConsoles.mainWindow(new AppContext(
                        new FlightdeckHome(home.resolve(".flightdeck")), Map.of("HOME", home.toString())))
                .show(stage);
    }

    @Test
    void aNewUserRehearsesTheHealthyUpgradeWithTheKeyboard(FxRobot robot) throws Exception {
        WizardViewModel wizard = RehearsalWalk.openRehearsal(robot, "Healthy upgrade");
        assertThat(robot.lookup(".rehearsal-title").queryLabeled().getText()).isEqualTo("REHEARSAL");

        assertThat(RehearsalWalk.walk(robot, wizard)).as("a failed step").isEmpty();

        SessionState state = wizard.stateProperty().get();
        assertThat(state.isComplete()).isTrue();
        assertThat(state.runbook().steps().map(step -> state.status(step.id()))).containsOnly(StepStatus.SUCCEEDED);
        assertThat(state.record("canary-rollout").message()).isNotBlank();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> wizard.stateProperty().get().closed().isPresent());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".wizard-message")
                        .queryLabeled()
                        .getText()
                        .startsWith("Session closed. Closing checkpoint "));
    }

    @Test
    void theFaultyUpgradeTripsTheTriggerAndTheOperatorHoldsTheEmergencyRollback(FxRobot robot) throws Exception {
        WizardViewModel wizard = RehearsalWalk.openRehearsal(robot, "Upgrade with a fault");
        assertThat(RehearsalWalk.walk(robot, wizard)).map(Step::id).contains("watch");
        SessionState failed = wizard.stateProperty().get();
        // the fault (v2: 5 % errors at 3x latency) trips the error-rate trigger, which arms the rollback; the latency
        // rule only alerts (action: alert), so it never fails the watch even when it fires first
        assertThat(failed.record("watch").message())
                .contains("rollback trigger fired", "error_rate > 1% for 10s")
                .doesNotContain("latency_p95");

        // the operator acts before the trigger's own countdown would: hold the red button, then confirm in the dialog
        RehearsalWalk.holdTheRollback(robot);

        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> wizard.stateProperty().get().rollback() != SessionFold.RollbackState.RUNNING
                        && wizard.stateProperty().get().rollback() != SessionFold.RollbackState.NOT_STARTED);
        SessionState after = wizard.stateProperty().get();
        assertThat(after.rollback())
                .as(String.valueOf(after.verification()))
                .isEqualTo(SessionFold.RollbackState.SUCCEEDED);
        assertThat(after.verification())
                .hasValueSatisfying(table -> assertThat(table.passed()).isTrue());
        assertThat(after.alarms()).isNotEmpty();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-message")
                        .queryLabeled()
                        .getText()
                        .startsWith("Session closed, closing checkpoint "));
    }
}
