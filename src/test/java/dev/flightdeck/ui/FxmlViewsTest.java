package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.ui.metrics.AlarmSound;
import dev.flightdeck.ui.metrics.ChartPalette;
import dev.flightdeck.ui.metrics.MetricsPanelController;
import dev.flightdeck.ui.metrics.MetricsPanelViewModel;
import dev.flightdeck.ui.rollback.RollbackScreen;
import dev.flightdeck.ui.setup.SessionSetupController;
import dev.flightdeck.ui.setup.SessionSetupViewModel;
import dev.flightdeck.ui.wizard.WizardScreen;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
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
    void everyViewLoadsWithItsController(@TempDir Path home) throws Exception {
        MainWindow window =
                FxToolkit.setupFixture(() -> new MainWindow(new AppContext(new FlightdeckHome(home), Map.of())));
        try (var session = WizardTestSessions.confirmOnly(home.resolve("journal"));
                var instruments = new MetricsEngine(
                        List.of(),
                        Clock.systemUTC(),
                        MetricsEngine.Options.defaults(),
                        new TriggerListener() {},
                        minute -> {})) {
            var wizard = new WizardViewModel(session, Runnable::run, Runnable::run, Clock.systemUTC());
            for (FxmlFile view : FxmlFile.values()) {
                FxmlViews views = switch (view) {
                    case WIZARD -> WizardScreen.views(wizard, null);
                    case ROLLBACK -> RollbackScreen.views(wizard.rollback());
                    case SESSION_SETUP ->
                        new FxmlViews(Map.of(
                                SessionSetupController.class,
                                () -> new SessionSetupController(
                                        new SessionSetupViewModel(
                                                session.runbook(),
                                                "sha",
                                                SessionLauncher.forProduction(
                                                        new AppContext(new FlightdeckHome(home), Map.of())),
                                                Runnable::run),
                                        started -> {})));
                    case METRICS_PANEL ->
                        new FxmlViews(Map.of(
                                MetricsPanelController.class,
                                () -> new MetricsPanelController(
                                        new MetricsPanelViewModel(
                                                instruments.triggers(),
                                                "op",
                                                Clock.systemUTC(),
                                                new AlarmSound(),
                                                new SimpleBooleanProperty()),
                                        new ChartPalette())));
                    default -> window.views();
                };
                Parent root = FxToolkit.setupFixture(() -> views.load(view));
                assertThat(root).as(view.name()).isNotNull();
            }
        }
    }

    @Test
    void aViewWhoseControllerIsNotRegisteredFailsAtOnceNamingIt() {
        FxmlViews views = new FxmlViews(Map.of());

        assertThatThrownBy(() -> views.load(FxmlFile.STEP_DETAIL))
                .hasStackTraceContaining(
                        "no controller factory registered for dev.flightdeck.ui.detail.StepDetailController");
    }
}
