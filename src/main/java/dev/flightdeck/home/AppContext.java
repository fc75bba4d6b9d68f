package dev.flightdeck.home;

import java.util.Map;

/** What every command and the console are built with: where Flightdeck's files live and the process environment. */
public record AppContext(FlightdeckHome home, Map<String, String> environment) {

    public static AppContext fromProcess() {
        Map<String, String> environment = System.getenv();
        return new AppContext(FlightdeckHome.fromEnvironment(environment), environment);
    }
}
