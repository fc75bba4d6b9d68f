package dev.flightdeck.ui.wizard;

import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Builds the wizard screen for one session: its controller gets the session's view model and output console. */
public final class WizardScreen {

    private WizardScreen() {}

    public static FxmlViews views(WizardViewModel wizard, Node console) {
        return views(wizard, console, null);
    }

    /** @param instruments the live metrics panel shown beside the wizard (null: none) */
    public static FxmlViews views(WizardViewModel wizard, Node console, Node instruments) {
        Map<Class<?>, Supplier<?>> controllers =
                Map.of(WizardController.class, () -> new WizardController(wizard, console, instruments));
        return new FxmlViews(controllers);
    }

    public static Parent load(WizardViewModel wizard, Node console) {
        return load(wizard, console, null);
    }

    public static Parent load(WizardViewModel wizard, Node console, Node instruments) {
        return views(wizard, console, instruments).load(FxmlFile.WIZARD);
    }

    /** @param notices the notification channels not delivering, shown in the header */
    public static Parent load(WizardViewModel wizard, Node console, Node instruments, ChannelNotices notices) {
        Map<Class<?>, Supplier<?>> controllers =
                Map.of(WizardController.class, () -> new WizardController(wizard, console, instruments, notices));
        return new FxmlViews(controllers).load(FxmlFile.WIZARD);
    }
}
