package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.ui.compose.ConsoleViews;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel on a real engine reading a real loopback application: figures, colours, the banner and its countdown. */
@ExtendWith(ApplicationExtension.class)
class MetricsPanelTest {

    private Stage stage;
    private LiveInstruments live;
    private MetricsEngine engine;
    private MetricsPanel panel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    private void show(MetricsEngine shown) throws Exception {
        engine = shown;
        panel = WaitForAsyncUtils.asyncFx(() -> {
                    MetricsPanel created = MetricsPanel.create(
                            shown,
                            "Dana Operator",
                            new SimpleBooleanProperty(false),
                            Clock.systemUTC(),
                            ZoneId.of("UTC"),
                            Platform::runLater,
                            ConsoleViews::metricsPanel);
                    stage.setScene(new Scene(created.view(), 460, 900));
                    stage.show();
                    stage.toFront();
                    return created;
                })
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (panel != null) {
            panel.close();
        }
        if (live != null) {
            live.close();
        }
    }

    // panel nodes are looked up inside this test's panel: an earlier test's window may still be open
    private static boolean hasState(Node node, FigureState state) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state.cssName()));
    }

    private FigureView figure(FxRobot robot, String label) {
        return robot.from(panel.view()).lookup(".metric-figure").queryAll().stream()
                .map(FigureView.class::cast)
                .filter(view -> view.getAccessibleText() != null
                        && view.getAccessibleText().startsWith(label))
                .findFirst()
                .orElse(null);
    }

    @Test
    void figuresShowLiveValuesColouredByTheirTriggersAndAFiringTriggerRaisesTheBannerWhoseButtonCancelsTheCountdown(
            FxRobot robot) throws Exception {
        live = new LiveInstruments(Duration.ofSeconds(60), Duration.ofMillis(300)).start();
        show(live.engine);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            FigureView errors = figure(robot, "web-metrics · error rate");
            return errors != null && errors.valueText().equals("0.00%") && hasState(errors, FigureState.OK);
        });
        FigureView health = figure(robot, "web-health · health");
        assertThat(health.valueText()).isEqualTo("ok");
        assertThat(hasState(health, FigureState.OK))
                .as("watched by 'health fails 3 consecutive', passing")
                .isTrue();
        assertThat(hasState(figure(robot, "web-metrics · request rate"), FigureState.NEUTRAL))
                .as("no trigger watches it")
                .isTrue();
        assertThat(robot.from(panel.view()).lookup("#alarmBanner").query().isVisible())
                .isFalse();

        live.failTenPercent();

        // the banner and the figure may show the firing one frame (a second) apart: a sample can land between their
        // readings
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.from(panel.view()).lookup("#alarmBanner").query().isVisible()
                        && hasState(figure(robot, "web-metrics · error rate"), FigureState.FIRING));
        // the condition above is read off the FX thread, possibly while the banner is being filled in
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(panel.view())
                        .lookup(".alarm-title")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Rollback armed · error_rate > 1% on web-metrics");
        assertThat(robot.from(panel.view())
                        .lookup(".alarm-evidence")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("web-metrics: ")
                .contains("limit 1.00%");
        assertThat(robot.from(panel.view())
                        .lookup("#alarmCountdown")
                        .queryAs(Label.class)
                        .getText())
                .matches("Rollback in (1:00|0:5\\d)");
        assertThat(engine.triggers().armed()).isPresent();

        robot.clickOn("#cancelCountdownButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#cancelReason").tryQuery().isPresent());
        TextArea reason = robot.lookup("#cancelReason").queryAs(TextArea.class);
        robot.interact(() -> reason.setText("errors come from the load test, not the upgrade"));
        robot.clickOn("#confirmCancelCountdown");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.cancellations.isEmpty());
        assertThat(engine.triggers().armed()).isEmpty();
        assertThat(live.cancellations.get(0).cancelledBy()).isEqualTo("Dana Operator");
        assertThat(live.cancellations.get(0).reason()).isEqualTo("errors come from the load test, not the upgrade");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.from(panel.view())
                        .lookup(".alarm-title")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Countdown cancelled · error_rate > 1%"));
        assertThat(engine.triggers().rollbackRequested()).isFalse();
    }

    @Test
    void anInventoryWithoutInstrumentsShowsACalmEmptyStateAndThePanelFoldsAwayAndBack(FxRobot robot) throws Exception {
        show(new MetricsEngine(
                List.of(),
                Clock.systemUTC(),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {},
                minute -> {}));

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.from(panel.view())
                        .lookup(".metrics-empty")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("No instruments in this inventory."));
        assertThat(robot.from(panel.view()).lookup(".metric-family").queryAll()).isEmpty();
        assertThat(robot.from(panel.view()).lookup("#alarmBanner").query().isVisible())
                .isFalse();

        robot.clickOn("#collapseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(panel.view()).lookup(".metrics-collapsed").query().isVisible())
                .isTrue();
        assertThat(robot.from(panel.view()).lookup(".metrics-expanded").query().isVisible())
                .isFalse();
        robot.clickOn("#expandButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(panel.view()).lookup(".metrics-expanded").query().isVisible())
                .isTrue();
        engine.close();
    }

    @Test
    void theFxThreadIsHandedAtMostTwoPointsPerPixelColumnWhateverTheHistory(FxRobot robot) throws Exception {
        MetricsEngine filled = new MetricsEngine(
                List.of(), Clock.systemUTC(), MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
        long now = System.currentTimeMillis();
        for (int second = 4 * 3600; second > 0; second--) {
            for (int host = 0; host < 3; host++) {
                filled.record(
                        new SeriesId("app-" + host, "latency_p95"),
                        now - second * 1000L,
                        100 + (second * 7919 + host * 31) % 97);
            }
        }
        show(filled);
        robot.clickOn("#range-all");

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> panel.chart(SignalFamily.HEALTH)
                        .map(ChartCanvas::frame)
                        .filter(frame ->
                                frame.lines().size() == 3 && frame.timeTicks().size() >= 3)
                        .isPresent());
        ChartFrame frame = panel.chart(SignalFamily.HEALTH).orElseThrow().frame();
        double columns = Math.floor(frame.plot().width());
        assertThat(columns).isGreaterThan(200);
        for (ChartFrame.Line line : frame.lines()) {
            assertThat(line.points())
                    .as("points of one line handed to the FX thread, for 14,400 samples over %s columns", columns)
                    .isGreaterThan((int) columns)
                    .isLessThanOrEqualTo((int) (2 * columns));
        }
        assertThat(frame.timeTicks().get(0).label()).matches("\\d\\d:\\d\\d");
        filled.close();
    }
}
