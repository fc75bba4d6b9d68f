package dev.flightdeck.ui.rollback;

import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import java.util.Map;
import javafx.scene.Parent;

/** Builds the rollback screen for one session's {@link RollbackViewModel}. */
public final class RollbackScreen {

    private RollbackScreen() {}

    public static FxmlViews views(RollbackViewModel rollback) {
        return new FxmlViews(Map.of(RollbackController.class, () -> new RollbackController(rollback)));
    }

    /** The screen, shown only once the rollback has started. */
    public static Parent load(RollbackViewModel rollback) {
        Parent screen = views(rollback).load(FxmlFile.ROLLBACK);
        screen.visibleProperty().bind(rollback.startedProperty());
        screen.managedProperty().bind(screen.visibleProperty());
        return screen;
    }
}
