package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.runbook.MarkdownImportFile;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ui.compose.MainWindow;
import dev.flightdeck.ui.library.ImportReviewDialog;
import dev.flightdeck.ui.library.LibraryEntry;
import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Open on a Markdown procedure in the console, as a team starts with its wiki page: the importer's judgements are
 * shown with their lines before anything is saved, and the saved runbook is listed and selected like any other.
 */
@ExtendWith(ApplicationExtension.class)
class MarkdownImportReviewTest {

    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // this test's own window and view model: other test classes' windows may still be around in the same JVM
        this.stage = stage;
        window = TestConsoles.mainWindow(new AppContext(new FlightdeckHome(home), Map.of()));
        window.show(stage);
    }

    @Test
    void aMarkdownProcedureIsReviewedBeforeItIsSavedAndThenOpens(FxRobot robot) throws Exception {
        Path document = Files.writeString(home.resolve("pg-upgrade.md"), """
                # PostgreSQL minor upgrade

                ## Upgrade

                - [ ] Stop the application
                  ```bash
                  $ systemctl stop clinic
                  $ systemctl status clinic
                  ● clinic.service - inactive (dead)
                  ```
                - [ ] Upgrade the packages
                  ```bash
                  apt-get install -y postgresql-15
                  ```

                ## Rollback

                - [ ] Reinstall the previous version
                  ```bash
                  apt-get install -y --allow-downgrades postgresql-15=15.17-0+deb12u1
                  ```
                """);
        Path target = home.resolve("saved").resolve("pg-upgrade.runbook.yaml");
        Files.createDirectories(target.getParent());
        RunbookLibraryViewModel library = window.console().library();
        AtomicReference<Path> suggested = new AtomicReference<>();

        robot.interact(() -> library.importMarkdown(
                document,
                imported -> new ImportReviewDialog(imported, offered -> {
                            suggested.set(offered);
                            return Optional.of(target);
                        })
                        .show(stage, (reviewed, chosen) -> library.saveImported(reviewed, chosen, false))));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#importJudgements").tryQuery().isPresent());

        ListView<String> judgements = robot.lookup("#importJudgements").queryListView();
        assertThat(judgements.getItems())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("line \\d+: .+"))
                .anySatisfy(line -> assertThat(line).containsIgnoringCase("rollback"));
        assertThat(robot.lookup("#importedRunbook").queryAs(TextArea.class).getText())
                .contains("systemctl stop clinic", "Output shown in the document:")
                .doesNotContain("$ systemctl");
        assertThat(Files.exists(target))
                .as("nothing is saved before the person says so")
                .isFalse();

        // the review's dialog window can be shown a pulse after its content exists (seen after other walks in the JVM)
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#saveImport")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent());
        robot.clickOn("#saveImport");

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> library.selectedProperty().get() != null
                        && library.selectedProperty().get().file().equals(Optional.of(target))
                        && library.statusProperty().get().equals("Opened " + target));
        assertThat(suggested.get()).isEqualTo(home.resolve("pg-upgrade" + RunbookLoader.FILE_SUFFIX));
        LibraryEntry saved = library.selectedProperty().get();
        assertThat(saved.parsed().isValid())
                .as(saved.parsed().problems().toString())
                .isTrue();
        assertThat(saved.runbook().orElseThrow().rollback()).isNotEmpty();
    }

    @Test
    void aDocumentThatCannotBeImportedSaysWhereInTheStatusLine(FxRobot robot) throws Exception {
        Path latin1 = home.resolve("latin1.md");
        Files.write(latin1, "# Proc\u00e9dure\n".getBytes(StandardCharsets.ISO_8859_1));
        RunbookLibraryViewModel library = window.console().library();

        robot.interact(() -> library.importMarkdown(latin1, imported -> {
            throw new AssertionError("a document that cannot be read is not offered for review");
        }));

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> library.statusProperty().get().startsWith("Could not import"));
        assertThat(library.statusProperty().get()).contains(latin1 + ":1:");
        assertThat(MarkdownImportFile.isMarkdown(latin1)).isTrue();
    }
}
