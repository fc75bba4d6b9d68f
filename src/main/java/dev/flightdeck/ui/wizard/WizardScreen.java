package dev.flightdeck.ui.wizard;

import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Builds the wizard screen for one session: its controller gets the session's view model and output console. */
public final class WizardScreen {

    private WizardScreen() {
    }

    public static FxmlViews views(WizardViewModel wizard, Node console) {
        Map<Class<?>, Supplier<?>> controllers = Map.of(WizardController.class, () -> new WizardController(wizard, console));
        return new FxmlViews(controllers);
    }

    public static Parent load(WizardViewModel wizard, Node console) {
        return views(wizard, console).load(FxmlFile.WIZARD);
    }
}
