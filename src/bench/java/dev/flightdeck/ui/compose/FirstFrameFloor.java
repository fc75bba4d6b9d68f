package dev.flightdeck.ui.compose;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Settings;
import dev.flightdeck.ui.ScreenFit;
import dev.flightdeck.ui.ThemeManager;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor under the console's first frame, for {@code flightdeck bench startup}: the same toolkit start, the same
 * theme and window size and the same first-frame probe as the console, with one label for a scene. Started with the
 * installed runtime and the package's JVM options, it shows what no console can beat on this machine, so the table
 * can say how much of the console's time is its own.
 */
public final class FirstFrameFloor {

    private FirstFrameFloor() {}

    public static void main(String[] args) {
        Settings settings = Settings.load(AppContext.fromProcess().home());
        Platform.startup(() -> {
            new ThemeManager(settings);
            Dimension2D size = ScreenFit.scene(1360, 860);
            Stage stage = new Stage();
            stage.setTitle("Flightdeck");
            stage.setScene(new Scene(new Label("Flightdeck"), size.getWidth(), size.getHeight()));
            stage.show();
            FirstFrameProbe.watch(stage);
        });
    }
}
