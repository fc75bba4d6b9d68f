package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
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
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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

/**
 * The morning after: a closed session opened again in the console offers the emergency rollback, warns what it costs
 * and takes it only with a written reason; the session is reopened, rolled back and closed again.
 */
@ExtendWith(ApplicationExtension.class)
class WizardRollbackAfterCloseTest {

    @TempDir
    static Path dir;

    private Session session;
    private Path marker;
    private String closingCheckpoint;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "case");
        marker = root.resolve("upgraded");
        String runbook = """
                runbook: Roll me back tomorrow
                phases:
                  - id: p
                    steps:
                      - id: upgrade
                        run: touch %s
                        on: local
                        undo: { run: "rm -f %s", on: local }
                      - id: watched
                        confirm: Watched it for an hour
                rollback:
                  - run: echo stopping the app for the rollback
                    on: local
                """.formatted(marker, marker);
        OperatorKey key = JournalFixture.newOperatorKey();
        try (Session window =
                WizardTestSessions.start(root.resolve("journal"), runbook, WizardTestSessions.localOnly(), key)) {
            window.run("upgrade");
            window.confirm("watched", "");
            closingCheckpoint = window.finishSession("all steps done");
        }
        session = WizardTestSessions.resume(root.resolve("journal"), runbook, WizardTestSessions.localOnly(), key);
        WizardViewModel wizard = new WizardViewModel(session, sessionThread, Platform::runLater, Clock.systemUTC());
        TestStages.show(stage, ConsoleViews.wizard(wizard, null), 1280, 800);
    }

    @AfterEach
    void close() {
        sessionThread.shutdownNow();
        session.close();
    }

    @Test
    void theClosedSessionIsRolledBackOnlyWithAWrittenReasonAndEndsClosedAgain(FxRobot robot) throws Exception {
        assertThat(marker).exists();
        assertThat(robot.lookup("#stepTitle").queryAs(Label.class).getText()).isEqualTo("This session is closed");
        assertThat(robot.lookup("#stepDescription").queryAs(Label.class).getText())
                .contains(closingCheckpoint, "hold the emergency rollback");
        assertThat(robot.lookup("#journalLabel").queryAs(Label.class).getText())
                .endsWith("last checkpoint " + closingCheckpoint + " · closed");
        assertThat(robot.lookup("#clockLabel").queryAs(Label.class).getText()).startsWith("closed after ");
        Button rollback = robot.lookup("#rollbackButton").queryButton();
        assertThat(rollback.isVisible())
                .as("a closed session can still be rolled back")
                .isTrue();

        robot.moveTo(rollback).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-dialog").tryQuery().isPresent());
        robot.release(MouseButton.PRIMARY);
        DialogPane dialog = robot.lookup(".rollback-dialog").queryAs(DialogPane.class);
        assertThat(robot.from(dialog)
                        .lookup(".rollback-after-close")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("This session closed at ")
                .contains("is lost");
        Button rollBackNow = (Button) robot.from(dialog)
                .lookup(".button")
                .match((Button button) -> button.getText().equals(RollbackDialog.ROLL_BACK))
                .query();
        assertThat(rollBackNow.isDisabled()).as("no reason written yet").isTrue();

        robot.clickOn(robot.from(dialog).lookup("#reopenReason").<Node>query())
                .write("lab results missing since the upgrade");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rollBackNow.isDisabled());
        robot.clickOn(rollBackNow);

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> session.state().closed().isPresent()
                        && session.state().rollback() == SessionFold.RollbackState.SUCCEEDED);
        assertThat(marker).doesNotExist();
        assertThat(session.state().reopened()).hasValueSatisfying(reopening -> {
            assertThat(reopening.reason()).isEqualTo("lab results missing since the upgrade");
            assertThat(reopening.by()).isEqualTo(WizardTestSessions.OPERATOR);
        });
        assertThat(session.state().closed()).contains("rolled back after the window had closed");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".rollback-message")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Session closed again, closing checkpoint "));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rollback.isVisible());
    }
}
