package dev.flightdeck.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.session.OutputSink.Stream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console as an operator uses it, keyboard first: following, search, copy, host filter, distinct stderr. */
@ExtendWith(ApplicationExtension.class)
class OutputConsoleViewTest {

    private OutputPaneView view;
    private OutputPane console;
    private ListView<OutputLine> list;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new OutputPaneView(1_000);
        console = view.console();
        list = (ListView<OutputLine>) view.lookup("#outputConsoleLines");
        stage.setScene(new Scene(view, 900, 400));
        stage.show();
    }

    private void appendAndWait(int count, String host) throws Exception {
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                console.append(host, Stream.STDOUT, host + " line " + i);
            }
        });
        producer.start();
        producer.join();
        String last = host + " line " + (count - 1);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !list.getItems().isEmpty()
                        && list.getItems()
                                .get(list.getItems().size() - 1)
                                .text()
                                .equals(last));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean lastRowOnScreen() {
        int last = list.getItems().size() - 1;
        return list.lookupAll(".console-line").stream()
                .map(node -> (ListCell<?>) node)
                .anyMatch(cell -> cell.getIndex() == last && cell.isVisible() && cell.getItem() != null);
    }

    @Test
    void newLinesFollowTheTailUntilTheOperatorScrollsUpAndEndResumesFollowing(FxRobot robot) throws Exception {
        appendAndWait(300, "app1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::lastRowOnScreen);

        robot.clickOn(list).type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.model().followProperty().get()).isFalse();
        appendAndWait(50, "app2");
        assertThat(lastRowOnScreen())
                .as("scrolled up: new lines do not pull the view down")
                .isFalse();

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> view.model().followProperty().get() && lastRowOnScreen());
    }

    @Test
    void ctrlFThenEnterSelectsTheNextMatchAndShiftEnterThePrevious(FxRobot robot) throws Exception {
        console.append("app1", Stream.STDOUT, "starting");
        console.append("app1", Stream.STDERR, "ERROR: disk full");
        console.append("app1", Stream.STDOUT, "retrying");
        console.append("app1", Stream.STDERR, "error again");
        appendAndWait(1, "app1");

        robot.clickOn(list).press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup(".console-toolbar .text-field")
                        .queryAs(TextField.class)
                        .isFocused())
                .isTrue();
        robot.write("error").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String first = list.getSelectionModel().getSelectedItem().text();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String second = list.getSelectionModel().getSelectedItem().text();
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(List.of(first, second)).containsExactlyInAnyOrder("ERROR: disk full", "error again");
        assertThat(list.getSelectionModel().getSelectedItem().text()).isEqualTo(first);
        assertThat(view.model().matchCountProperty().get()).isEqualTo(2);
        assertThat(robot.lookup(".console-line")
                        .match(node -> node.getPseudoClassStates().contains(PseudoClass.getPseudoClass("match")))
                        .queryAll())
                .hasSize(2);
    }

    @Test
    void ctrlCCopiesTheSelectedLinesWithTheirHosts(FxRobot robot) throws Exception {
        console.beginStep("2.1", "stop-service", List.of("app1", "app2"));
        console.append("app1", Stream.STDOUT, "stopped");
        console.append("app2", Stream.STDERR, "not running");
        appendAndWait(1, "app2");

        robot.clickOn(list);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().selectRange(0, 3);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo("""
                — step 2.1 stop-service on app1, app2 —
                app1 │ stopped
                app2 │ not running
                """);
    }

    @Test
    void standardErrorAndStepSeparatorsLookDifferentFromOrdinaryOutput() throws Exception {
        console.beginStep("1.1", "check-disk", List.of("db1"));
        console.append("db1", Stream.STDOUT, "ok");
        console.append("db1", Stream.STDERR, "warning: 91% full");
        appendAndWait(1, "db1");

        assertThat(pseudoClassesOf("— step 1.1 check-disk on db1 —")).contains(PseudoClass.getPseudoClass("step"));
        assertThat(pseudoClassesOf("ok")).doesNotContain(PseudoClass.getPseudoClass("stderr"));
        assertThat(pseudoClassesOf("warning: 91% full")).contains(PseudoClass.getPseudoClass("stderr"));
    }

    @Test
    void theHostFilterShowsOneHostAndIsDisabledWhileOnlyOneHostWrites(FxRobot robot) throws Exception {
        appendAndWait(3, "app1");
        ComboBox<?> hosts = robot.lookup(".console-toolbar .combo-box").queryAs(ComboBox.class);
        assertThat(hosts.isDisabled()).isTrue();

        appendAndWait(2, "db1");
        assertThat(hosts.isDisabled()).isFalse();
        robot.clickOn(hosts).type(KeyCode.DOWN, 2).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.model().hostFilterProperty().get()).isEqualTo("db1");
        assertThat(list.getItems()).extracting(OutputLine::host).containsOnly("db1");
    }

    private Set<PseudoClass> pseudoClassesOf(String text) {
        return list.lookupAll(".console-line").stream()
                .map(node -> (ListCell<?>) node)
                .filter(cell ->
                        cell.getItem() instanceof OutputLine line && line.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row shows " + text))
                .getPseudoClassStates();
    }
}
