package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.library.LibraryEntry;
import dev.flightdeck.ui.navigator.NavigatorItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console as a new user meets it: it opens, lists the built-in runbooks, and explains the chosen one. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of());
        TestConsoles.mainWindow(context).show(stage);
    }

    @Test
    void theLibraryListsEveryBuiltInRunbook(FxRobot robot) throws Exception {
        ListView<LibraryEntry> library = robot.lookup("#runbookList").queryListView();

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> library.getItems().size() == BuiltinRunbooks.ids().size());

        assertThat(library.getItems())
                .extracting(entry -> entry.parsed().value().orElseThrow().id())
                .containsExactlyElementsOf(BuiltinRunbooks.ids());
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
                .isEqualTo(BuiltinRunbooks.ids().size() + " built-in runbooks");
    }

    @Test
    void choosingARunbookShowsItsPhasesAndAStepsDetails(FxRobot robot) throws Exception {
        ListView<LibraryEntry> library = robot.lookup("#runbookList").queryListView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> library.getItems().size() == BuiltinRunbooks.ids().size());
        LibraryEntry last = library.getItems().get(library.getItems().size() - 1);
        Runbook runbook = last.runbook().orElseThrow();

        robot.interact(() -> library.scrollTo(last));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup(".library-cell")
                        .match(cell -> containsText(cell, last.title()))
                        .tryQuery()
                        .isPresent());
        robot.clickOn(robot.lookup(".library-cell")
                .match(cell -> containsText(cell, last.title()))
                .queryAs(VBox.class));

        TreeView<NavigatorItem> navigator = robot.lookup("#navigator").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> navigator.getRoot() != null
                        && navigator.getRoot().getValue() instanceof NavigatorItem.RunbookItem item
                        && item.runbook().id().equals(runbook.id()));
        List<String> phaseTitles = navigator.getRoot().getChildren().stream()
                .map(TreeItem::getValue)
                .filter(NavigatorItem.PhaseItem.class::isInstance)
                .map(item -> ((NavigatorItem.PhaseItem) item).phase().title())
                .toList();
        assertThat(phaseTitles)
                .containsExactlyElementsOf(
                        runbook.phases().stream().map(Phase::title).toList());
        assertThat(navigator
                        .getRoot()
                        .getChildren()
                        .get(navigator.getRoot().getChildren().size() - 1)
                        .getValue())
                .isInstanceOf(NavigatorItem.RollbackItem.class);

        robot.clickOn(navigator).type(KeyCode.HOME).type(KeyCode.DOWN).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        String firstStepTitle = runbook.phases().get(0).steps().get(0).displayTitle();
        assertThat(robot.lookup(".detail-content .title-2").queryAs(Label.class).getText())
                .isEqualTo(firstStepTitle);
        assertThat(robot.lookup(".detail-content .eyebrow").queryAs(Label.class).getText())
                .isEqualTo("STEP 1.1");
    }

    @Test
    void aRunbookFileWithProblemsIsListedWithItsProblems(FxRobot robot) throws Exception {
        Path broken = Files.writeString(home.resolve("broken.runbook.yaml"), """
                runbook: Broken on purpose
                phases:
                  - id: one
                    steps:
                      - id: stop
                        run: sudo systemctl stop clinic-app
                """);
        robot.interact(() -> MainWindowTestAccess.library(robot).open(broken));
        ListView<LibraryEntry> library = robot.lookup("#runbookList").queryListView();

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> library.getItems().stream().anyMatch(e -> e.file().isPresent()));

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".problem-line").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly(
                        "1:1  the runbook has no rollback plan: add 'rollback:' with the steps that return the system to its state before the window",
                        "5:9  step 'stop' runs a command but says nowhere where: add 'on:' with a host, a group, or 'local'");
    }

    private static boolean containsText(Node cell, String text) {
        return cell instanceof VBox box
                && box.getChildren().stream()
                        .anyMatch(child -> child instanceof Label label && text.equals(label.getText()));
    }
}
