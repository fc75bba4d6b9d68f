package dev.flightdeck.ui;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.ui.detail.StepDetailController;
import dev.flightdeck.ui.library.RunbookLibraryController;
import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import dev.flightdeck.ui.main.ConsoleViewModel;
import dev.flightdeck.ui.main.MainWindowController;
import dev.flightdeck.ui.navigator.RunbookNavigatorController;
import dev.flightdeck.ui.setup.SessionWindows;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** Composition root of the console: builds view models and controllers by constructor and shows the window. */
public final class MainWindow {

    private final ConsoleServices services;
    private final ConsoleViewModel console;
    private final ThemeManager themes;
    private final SessionWindows sessions = new SessionWindows();

    public MainWindow(AppContext context) {
        this(ConsoleServices.forProduction(context));
    }

    public MainWindow(ConsoleServices services) {
        this.services = services;
        this.themes = new ThemeManager(services.settings());
        this.console = new ConsoleViewModel(
                new RunbookLibraryViewModel(services.executors().files()));
    }

    public ConsoleViewModel console() {
        return console;
    }

    /** How every controller of the console is built; one place, so a view can never get a half-wired controller. */
    FxmlViews views() {
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainWindowController.class, () -> new MainWindowController(console, themes, services, sessions),
                RunbookLibraryController.class, () -> new RunbookLibraryController(console.library()),
                RunbookNavigatorController.class, () -> new RunbookNavigatorController(console),
                StepDetailController.class, () -> new StepDetailController(console));
        return new FxmlViews(controllers);
    }

    public void show(Stage stage) {
        Parent root = views().load(FxmlFile.MAIN_WINDOW);
        root.getProperties().put(ConsoleViewModel.class, console);
        Scene scene = new Scene(root, 1360, 860);
        scene.getStylesheets()
                .add(MainWindow.class.getResource("/styles/flightdeck.css").toExternalForm());
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
        console.library().loadBuiltins();
    }
}
