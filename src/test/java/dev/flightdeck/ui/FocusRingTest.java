package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The focused control is seen in both themes: its ring stands out from the background by at least 3:1 (WCAG 1.4.11). */
@ExtendWith(ApplicationExtension.class)
class FocusRingTest {

    private final Button button = new Button("Run step");
    private final TextField field = new TextField();
    private final VBox root = new VBox(12, field, button);

    @Start
    void start(Stage stage) {
        root.setStyle("-fx-background-color: -color-bg-default; -fx-padding: 20;");
        TestStages.show(stage, root, 400, 200);
    }

    @AfterEach
    void lightAgain() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void theFocusRingStandsOutInTheLightTheme(FxRobot robot) throws Exception {
        assertRingContrast(robot, new PrimerLight());
    }

    @Test
    void theFocusRingStandsOutInTheDarkTheme(FxRobot robot) throws Exception {
        assertRingContrast(robot, new PrimerDark());
    }

    private void assertRingContrast(FxRobot robot, Theme theme) throws Exception {
        robot.interact(() -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));
        for (Region control : new Region[] {button, field}) {
            robot.interact(control::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            double contrast = ScreenChecks.fx(() -> {
                root.applyCss();
                Color background =
                        (Color) root.getBackground().getFills().get(0).getFill();
                assertThat(control.getEffect())
                        .as("%s focused in %s", control.getClass().getSimpleName(), theme.getName())
                        .isInstanceOf(DropShadow.class);
                return contrast(((DropShadow) control.getEffect()).getColor(), background);
            });
            assertThat(contrast)
                    .as("ring contrast of %s in %s", control.getClass().getSimpleName(), theme.getName())
                    .isGreaterThanOrEqualTo(3.0);
        }
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
