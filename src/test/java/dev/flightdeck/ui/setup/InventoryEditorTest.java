package dev.flightdeck.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.compose.ConsoleViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Writing an inventory in the setup: problems with their line and column as one types, saved only without errors. */
@ExtendWith(ApplicationExtension.class)
class InventoryEditorTest {

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private SessionSetupViewModel setup;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        Runbook runbook = RunbookLoader.load("""
                runbook: Needs a database
                id: needs-db
                phases:
                  - id: p
                    steps:
                      - id: count
                        sql: SELECT 1
                        database: records
                rollback:
                  - confirm: Rolled back
                """, "r.runbook.yaml", "r").orElseThrow();
        SessionLauncher launcher = new SessionLauncher(
                new AppContext(new FlightdeckHome(home), Map.of()),
                JournalFixture.fastOptions(),
                KdfCost.insecureForTestsOnly(64));
        setup = new SessionSetupViewModel(
                runbook, "sha", launcher, background, Credentials.NONE, target -> Optional.empty());
        TestStages.show(stage, ConsoleViews.sessionSetup(setup, live -> {}), 1100, 800);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void aNewInventoryIsCheckedAgainstTheRunbookAsItIsWrittenAndSavedOnlyWithoutErrors(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup("#editInventoryButton").<Node>query());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".code-block")
                        .match((TextArea area) -> area.getText().startsWith("# Where the runbook's steps run"))
                        .tryQuery()
                        .isPresent());
        TextArea text = robot.lookup(".code-block")
                .match((TextArea area) -> area.getText().startsWith("# Where"))
                .query();
        ListView<String> problems = robot.lookup(".list-view")
                .match((ListView<?> list) -> "Problems in the inventory".equals(list.getAccessibleText()))
                .query();
        Button save = robot.lookup(".button")
                .match((Button button) -> button.getText().equals("Save"))
                .query();
        Path expected = home.resolve("inventories/needs-db.inventory.yaml");

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());
        assertThat(problems.getItems())
                .anySatisfy(problem -> assertThat(problem).contains("records"));
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> text.setText("""
                databases:
                  records: { host: 127.0.0.1, port: 5432, database: records, user: flightdeck, sslmode: disable }
                hosts:
                  app1: { address: 127.0.0.1, port: nine }
                """));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> problems.getItems().size() == 1);
        assertThat(problems.getItems().get(0)).startsWith(expected + ":4:").contains("port");
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> text.setText(text.getText().replace("port: nine", "port: 2222")));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> problems.getItems().isEmpty() && !save.isDisabled());
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(expected));
        assertThat(Files.readString(expected)).contains("port: 2222");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> setup.inventoryProperty().get().equals(expected.toString()));
        assertThat(Files.list(expected.getParent()).toList()).containsExactly(expected);
    }
}
