package dev.flightdeck.ui.compose;

import dev.flightdeck.live.LiveSession;
import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import dev.flightdeck.ui.ThemeManager;
import dev.flightdeck.ui.detail.StepDetailController;
import dev.flightdeck.ui.library.RunbookLibraryController;
import dev.flightdeck.ui.main.ConsoleViewModel;
import dev.flightdeck.ui.main.MainWindowController;
import dev.flightdeck.ui.main.SessionOpener;
import dev.flightdeck.ui.metrics.MetricsPanelController;
import dev.flightdeck.ui.navigator.RunbookNavigatorController;
import dev.flightdeck.ui.rollback.RollbackController;
import dev.flightdeck.ui.rollback.RollbackViewModel;
import dev.flightdeck.ui.setup.SessionSetupController;
import dev.flightdeck.ui.setup.SessionSetupViewModel;
import dev.flightdeck.ui.wizard.ChannelNotices;
import dev.flightdeck.ui.wizard.WizardController;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Every FXML view of the console and the controllers it gets, built by constructor: the one list of controllers. A
 * view that includes others (the main window holds the library, the navigator and the detail pane) lists theirs too.
 * Only this class builds an {@link FxmlViews} ({@code ArchitectureTest} holds every other class to it), so a screen
 * never loads another screen's view: it is handed what it shows, or a way to build it, from here.
 */
public final class ConsoleViews {

    private ConsoleViews() {}

    /** The console's main window with its three panes; {@code sessions} opens the session windows it asks for. */
    public static Parent mainWindow(ConsoleViewModel console, ThemeManager themes, SessionOpener sessions) {
        return load(
                FxmlFile.MAIN_WINDOW,
                Map.of(
                        MainWindowController.class,
                        () -> new MainWindowController(console, themes, sessions),
                        RunbookLibraryController.class,
                        () -> new RunbookLibraryController(console.library()),
                        RunbookNavigatorController.class,
                        () -> new RunbookNavigatorController(
                                console.library().selectedProperty(), console.selectedItemProperty()),
                        StepDetailController.class,
                        () -> new StepDetailController(console.selectedItemProperty())));
    }

    /** A session's setup; {@code started} receives the session once the operator opened it. */
    public static Parent sessionSetup(SessionSetupViewModel setup, Consumer<LiveSession> started) {
        return load(
                FxmlFile.SESSION_SETUP,
                Map.of(SessionSetupController.class, () -> new SessionSetupController(setup, started)));
    }

    /** The wizard of a session without instruments or notifications (tests, the panel demo). */
    public static Parent wizard(WizardViewModel wizard, Node console) {
        return wizard(wizard, console, null, null);
    }

    /**
     * The wizard of one session, with its rollback screen over it once the rollback starts.
     *
     * @param console the live output pane under the card
     * @param instruments the live metrics panel beside the card (null: none)
     * @param notices the notification channels not delivering, shown in the header (null: no notifications)
     */
    public static Parent wizard(WizardViewModel wizard, Node console, Node instruments, ChannelNotices notices) {
        return load(
                FxmlFile.WIZARD,
                Map.of(
                        WizardController.class,
                        () -> new WizardController(wizard, console, instruments, notices, ConsoleViews::rollback)));
    }

    /** The emergency rollback's screen for one session, shown only once the rollback has started. */
    public static Parent rollback(RollbackViewModel rollback) {
        Parent screen =
                load(FxmlFile.ROLLBACK, Map.of(RollbackController.class, () -> new RollbackController(rollback)));
        screen.visibleProperty().bind(rollback.startedProperty());
        screen.managedProperty().bind(screen.visibleProperty());
        return screen;
    }

    /** The live instruments' view around the panel's controller (built by {@code MetricsPanel}, which keeps it). */
    public static Parent metricsPanel(MetricsPanelController controller) {
        return load(FxmlFile.METRICS_PANEL, Map.of(MetricsPanelController.class, () -> controller));
    }

    private static Parent load(FxmlFile view, Map<Class<?>, Supplier<?>> controllers) {
        return new FxmlViews(controllers).load(view);
    }
}
