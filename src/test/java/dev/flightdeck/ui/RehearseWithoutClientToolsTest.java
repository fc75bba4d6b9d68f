package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
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
 * Rehearse… on a computer without the PostgreSQL client tools: the window says what to install before the sandbox
 * makes or starts anything (Flightdeck's PATH here is an empty folder).
 */
@ExtendWith(ApplicationExtension.class)
class RehearseWithoutClientToolsTest {

    @TempDir
    static Path dir;

    private FlightdeckHome home;

    @Start
    void start(Stage stage) throws Exception {
        Path user = Files.createDirectories(dir.resolve("home"));
        Path emptyPath = Files.createDirectories(dir.resolve("empty-bin"));
        home = new FlightdeckHome(user.resolve(".flightdeck"));
        TestConsoles.mainWindow(new AppContext(home, Map.of("HOME", user.toString(), "PATH", emptyPath.toString())))
                .show(stage);
    }

    @Test
    void theWindowNamesThePackageAndNothingIsStarted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".app-title").tryQuery().isPresent());
        robot.clickOn(".app-title");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scenario(robot).isPresent());
        robot.clickOn(scenario(robot).orElseThrow());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message(robot).contains("FD-SANDBOX-004"));
        assertThat(message(robot))
                .startsWith("This computer cannot rehearse yet. FD-SANDBOX-004: ")
                .contains("pg_dump, pg_restore, psql", "postgresql", "Nothing was started");
        assertThat(home.sandbox()).doesNotExist();
        robot.interact(() -> robot.listWindows().stream()
                .filter(Window::isShowing)
                .filter(window -> window instanceof Stage)
                .map(Stage.class::cast)
                .filter(stage -> stage.getTitle() != null && stage.getTitle().contains("rehearsal"))
                .toList()
                .forEach(Stage::close));
        RehearsalWalk.awaitSessionWindowsClosed();
    }

    private static Optional<Button> scenario(FxRobot robot) {
        return robot.lookup(".button")
                .match((Button button) ->
                        button.getText().equals("Healthy upgrade") && button.getScene() != null && button.isVisible())
                .tryQuery();
    }

    private static String message(FxRobot robot) {
        return robot.lookup(".setup-message").queryAll().stream()
                .map(node -> ((Labeled) node).getText())
                .findFirst()
                .orElse("");
    }
}
