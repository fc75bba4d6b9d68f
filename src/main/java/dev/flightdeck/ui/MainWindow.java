package dev.flightdeck.ui;

import dev.flightdeck.app.AppContext;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The console's main window. (Being built this session: library, navigator, detail pane.) */
public final class MainWindow {

    private final AppContext context;

    public MainWindow(AppContext context) {
        this.context = context;
    }

    public void show(Stage stage) {
        stage.setTitle("Flightdeck");
        stage.setScene(new Scene(new Label("Flightdeck " + context.home().root()), 1280, 800));
        stage.show();
    }
}
