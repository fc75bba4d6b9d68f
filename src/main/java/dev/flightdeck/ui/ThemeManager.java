package dev.flightdeck.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.flightdeck.home.Settings;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One place that sets the AtlantaFX theme; the light/dark choice is remembered across runs. */
public final class ThemeManager {

    private static final String SETTING = "theme";
    private static final Theme LIGHT = new PrimerLight();
    private static final Theme DARK = new PrimerDark();

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeManager(Settings settings) {
        dark.set(settings.get(SETTING).map("dark"::equals).orElse(false));
        apply();
        dark.addListener((observable, was, isDark) -> {
            apply();
            // the settings file is written off the FX thread: switching the theme must never wait on the disk
            CompletableFuture.runAsync(() -> settings.put(SETTING, isDark ? "dark" : "light"));
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    private void apply() {
        Application.setUserAgentStylesheet((dark.get() ? DARK : LIGHT).getUserAgentStylesheet());
    }
}
