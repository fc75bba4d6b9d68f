package dev.flightdeck.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a screen under test as the console shows it: the AtlantaFX light theme and Flightdeck's style sheets. */
public final class TestStages {

    private TestStages() {}

    public static void show(Stage stage, Parent root, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets()
                .add(TestStages.class.getResource("/styles/flightdeck.css").toExternalForm());
        scene.getStylesheets()
                .add(TestStages.class.getResource("/styles/console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        stage.toFront();
    }
}
