package dev.flightdeck.metrics.rules;

import java.util.List;

/** Triggers that parsed but cannot be evaluated on their signal; the window must not start watching with them. */
public final class TriggerConfigurationException extends IllegalArgumentException {

    public static final String CODE = "FD-METRICS-001";

    private final List<String> problems;

    public TriggerConfigurationException(List<String> problems) {
        super(CODE + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
