package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.home.Settings;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.compose.ConsoleViews;
import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import dev.flightdeck.ui.main.ConsoleViewModel;
import dev.flightdeck.ui.main.SessionOpener;
import dev.flightdeck.ui.metrics.AlarmSound;
import dev.flightdeck.ui.metrics.ChartPalette;
import dev.flightdeck.ui.metrics.MetricsPanelController;
import dev.flightdeck.ui.metrics.MetricsPanelViewModel;
import dev.flightdeck.ui.setup.SessionSetupViewModel;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.stage.Window;
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
        Settings settings = Settings.load(new FlightdeckHome(home));
        try (var session = WizardTestSessions.confirmOnly(home.resolve("journal"));
                var instruments = new MetricsEngine(
                        List.of(),
                        Clock.systemUTC(),
                        MetricsEngine.Options.defaults(),
                        new TriggerListener() {},
                        minute -> {})) {
            var wizard = new WizardViewModel(session, Runnable::run, Runnable::run, Clock.systemUTC());
            for (FxmlFile view : FxmlFile.values()) {
                // every view through the one list of controllers the console loads its views with
                Supplier<Parent> load = switch (view) {
                    case MAIN_WINDOW, RUNBOOK_LIBRARY, RUNBOOK_NAVIGATOR, STEP_DETAIL ->
                        () -> ConsoleViews.mainWindow(
                                new ConsoleViewModel(new RunbookLibraryViewModel(Runnable::run)),
                                new ThemeManager(settings),
                                new NoSessions());
                    case WIZARD -> () -> ConsoleViews.wizard(wizard, null);
                    case ROLLBACK -> () -> ConsoleViews.rollback(wizard.rollback());
                    case SESSION_SETUP ->
                        () -> ConsoleViews.sessionSetup(
                                new SessionSetupViewModel(
                                        session.runbook(),
                                        "sha",
                                        SessionLauncher.forProduction(
                                                new AppContext(new FlightdeckHome(home), Map.of())),
                                        Runnable::run),
                                started -> {});
                    case METRICS_PANEL ->
                        () -> ConsoleViews.metricsPanel(new MetricsPanelController(
                                new MetricsPanelViewModel(
                                        instruments.triggers(),
                                        "op",
                                        Clock.systemUTC(),
                                        new AlarmSound(),
                                        new SimpleBooleanProperty()),
                                new ChartPalette()));
                };
                Parent root = FxToolkit.setupFixture(load::get);
                assertThat(root).as(view.name()).isNotNull();
            }
        }
    }

    /** The views are only loaded here: no button is pressed, so no session window is ever asked for. */
    private static final class NoSessions implements SessionOpener {

        @Override
        public void start(Runbook runbook, String sha256) {
            throw new AssertionError("no session window was asked for");
        }

        @Override
        public void rehearse(Window owner) {
            throw new AssertionError("no rehearsal was asked for");
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
