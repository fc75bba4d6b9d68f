package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Every FXML file exists and parses, so a broken view fails the build, not the operator's night. */
@ExtendWith(ApplicationExtension.class)
class FxmlViewsTest {

    @Test
    void everyViewIsPackaged() {
        for (FxmlFile view : FxmlFile.values()) {
            URL location = FxmlViews.class.getResource(view.resourcePath());
            assertThat(location).as(view.resourcePath()).isNotNull();
        }
    }

    @Test
    void everyViewLoadsWithItsController(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        MainWindow window = org.testfx.api.FxToolkit.setupFixture(() -> new MainWindow(
                new dev.flightdeck.home.AppContext(new dev.flightdeck.home.FlightdeckHome(home), Map.of())));
        try (var session = WizardTestSessions.confirmOnly(home.resolve("journal"));
             var instruments = new dev.flightdeck.metrics.MetricsEngine(java.util.List.of(), java.time.Clock.systemUTC(),
                     dev.flightdeck.metrics.MetricsEngine.Options.defaults(), new dev.flightdeck.metrics.rules.TriggerListener() { }, minute -> { })) {
            var wizard = new dev.flightdeck.ui.wizard.WizardViewModel(session, Runnable::run, Runnable::run, java.time.Clock.systemUTC());
            for (FxmlFile view : FxmlFile.values()) {
                FxmlViews views = switch (view) {
                    case WIZARD -> dev.flightdeck.ui.wizard.WizardScreen.views(wizard, null);
                    case ROLLBACK -> dev.flightdeck.ui.rollback.RollbackScreen.views(wizard.rollback());
                    case SESSION_SETUP -> new FxmlViews(Map.of(dev.flightdeck.ui.setup.SessionSetupController.class,
                            () -> new dev.flightdeck.ui.setup.SessionSetupController(new dev.flightdeck.ui.setup.SessionSetupViewModel(
                                    session.runbook(), "sha", dev.flightdeck.live.SessionLauncher.forProduction(
                                    new dev.flightdeck.home.AppContext(new dev.flightdeck.home.FlightdeckHome(home), Map.of())), Runnable::run),
                                    started -> { })));
                    case METRICS_PANEL -> new FxmlViews(Map.of(dev.flightdeck.ui.metrics.MetricsPanelController.class,
                            () -> new dev.flightdeck.ui.metrics.MetricsPanelController(new dev.flightdeck.ui.metrics.MetricsPanelViewModel(
                                    instruments.triggers(), "op", java.time.Clock.systemUTC(), new dev.flightdeck.ui.metrics.AlarmSound(),
                                    new javafx.beans.property.SimpleBooleanProperty()), new dev.flightdeck.ui.metrics.ChartPalette())));
                    default -> window.views();
                };
                javafx.scene.Parent root = org.testfx.api.FxToolkit.setupFixture(() -> views.load(view));
                assertThat(root).as(view.name()).isNotNull();
            }
        }
    }

    @Test
    void aViewWhoseControllerIsNotRegisteredFailsAtOnceNamingIt() {
        FxmlViews views = new FxmlViews(Map.of());

        assertThatThrownBy(() -> views.load(FxmlFile.STEP_DETAIL))
                .hasStackTraceContaining("no controller factory registered for dev.flightdeck.ui.detail.StepDetailController");
    }
}
