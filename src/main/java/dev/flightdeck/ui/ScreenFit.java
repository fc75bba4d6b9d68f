package dev.flightdeck.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * A window's first size, no larger than the screen it opens on: at 1366×768 a 860-pixel-high window opened with its
 * header and buttons above the top edge (seen under Xvfb, where no window manager moves it back).
 */
public final class ScreenFit {

    /** Room left for the window manager's title bar, which the scene's size does not include. */
    private static final double DECORATION = 40;

    private ScreenFit() {}

    /** The preferred scene size, shrunk to the primary screen's usable area. */
    public static Dimension2D scene(double preferredWidth, double preferredHeight) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        return new Dimension2D(
                Math.min(preferredWidth, usable.getWidth()),
                Math.min(preferredHeight, usable.getHeight() - DECORATION));
    }
}
