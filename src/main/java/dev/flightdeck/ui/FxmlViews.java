package dev.flightdeck.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML views with controllers built by constructor from the given factories. An FXML file naming a
 * controller nobody registered fails at once with the controller's name, not with a blank window.
 */
public final class FxmlViews {

    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlViews(Map<Class<?>, Supplier<?>> controllers) {
        this.controllers = Map.copyOf(controllers);
    }

    public Parent load(FxmlFile view) {
        URL location = FxmlViews.class.getResource(view.resourcePath());
        if (location == null) {
            throw new IllegalStateException(
                    "view " + view + " is missing: " + view.resourcePath() + " is not on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(this::controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot load view " + view + " (" + view.resourcePath() + "): " + e.getMessage(), e);
        }
    }

    private Object controller(Class<?> type) {
        Supplier<?> factory = controllers.get(type);
        if (factory == null) {
            throw new IllegalStateException("no controller factory registered for " + type.getName());
        }
        return factory.get();
    }
}
