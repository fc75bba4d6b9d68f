package dev.flightdeck.ui.compose;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.ScreenFit;
import dev.flightdeck.ui.ThemeManager;
import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import dev.flightdeck.ui.main.ConsoleViewModel;
import dev.flightdeck.ui.main.SessionOpener;
import dev.flightdeck.ui.rehearsal.RehearsalChoice;
import javafx.geometry.Dimension2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The console's main window, put together: its view models, its views (through {@link ConsoleViews}) and the session
 * windows it opens ({@link SessionWindow}, handed to the main window as a {@link SessionOpener}).
 */
public final class MainWindow {

    private static final String STYLESHEET = "/styles/flightdeck.css";

    private final ConsoleServices services;
    private final ConsoleViewModel console;
    private final ThemeManager themes;
    private final SessionWindows sessions = new SessionWindows();

    /** Call on the FX thread, with services built before it ({@link ConsoleServices#forProduction}). */
    public MainWindow(ConsoleServices services) {
        this.services = services;
        this.themes = new ThemeManager(services.settings());
        this.console = new ConsoleViewModel(
                new RunbookLibraryViewModel(services.executors().files()));
    }

    public ConsoleViewModel console() {
        return console;
    }

    public void show(Stage stage) {
        Parent root = ConsoleViews.mainWindow(console, themes, new SessionWindowOpener());
        root.getProperties().put(ConsoleViewModel.class, console);
        Dimension2D size = ScreenFit.scene(1360, 860);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(stylesheet());
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                        () -> ((Button) root.lookup("#openButton")).fire());
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        () -> ((Button) root.lookup("#startButton")).fire());
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                        () -> ((Button) root.lookup("#rehearseButton")).fire());
        sessions.over(stage);
        stage.setTitle("Flightdeck");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        // quitting closes the session windows too, asking first while a session in one of them is open
        stage.setOnCloseRequest(event -> {
            if (!sessions.closeAll(stage)) {
                event.consume();
            }
        });
        stage.setOnHidden(event -> services.close());
        stage.show();
        // read beside the first pulse, the built-in runbooks delay the window on a two-core machine; until they are in,
        // the library says "Loading…"
        AfterFirstFrame.run(scene, () -> console.library().loadBuiltins());
    }

    private static String stylesheet() {
        return MainWindow.class.getResource(STYLESHEET).toExternalForm();
    }

    /** What the main window's Start and Rehearse buttons open: a session window each time. */
    private final class SessionWindowOpener implements SessionOpener {

        @Override
        public void start(Runbook runbook, String sha256) {
            new SessionWindow(services, sessions).show(runbook, sha256, stylesheet());
        }

        @Override
        public void rehearse(Window owner) {
            RehearsalChoice.ask(owner)
                    .ifPresent(scenario -> new SessionWindow(services, sessions)
                            .rehearse(scenario == RehearsalChoice.Scenario.FAULTY, stylesheet()));
        }
    }
}
