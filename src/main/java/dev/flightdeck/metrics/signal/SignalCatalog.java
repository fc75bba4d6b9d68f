package dev.flightdeck.metrics.signal;

import dev.flightdeck.runbook.Signals;
import java.util.HashMap;
import java.util.Map;

/**
 * Which unit each signal is stored in; the rule evaluator converts thresholds into it. The signals rules may name
 * take their unit from what {@link Signals} says they measure (one table for the runbook's checks and the engine's
 * storage); figures that are only shown have their own entries here.
 */
public final class SignalCatalog {

    /** Figures collectors write for display (and custom rules), beyond the signals of {@link Signals}. */
    private static final Map<String, SignalUnit> SHOWN_ONLY = Map.of(
            "health_latency", SignalUnit.MILLISECONDS,
            "health_consecutive_failures", SignalUnit.NUMBER,
            "db_connections_active", SignalUnit.NUMBER,
            "db_connections_idle", SignalUnit.NUMBER,
            "db_size_mb", SignalUnit.MEGABYTES);

    /** Names that read better on a figure than the signal's own (its unit is shown with the value). */
    private static final Map<String, String> LABELS = Map.of("db_size_mb", "db size");

    private static final Map<String, SignalUnit> UNITS = units();

    private SignalCatalog() {}

    private static Map<String, SignalUnit> units() {
        Map<String, SignalUnit> units = new HashMap<>(SHOWN_ONLY);
        for (String signal : Signals.known()) {
            units.put(
                    signal,
                    switch (Signals.quantityOf(signal).orElseThrow()) {
                        case CHECK -> SignalUnit.CHECK;
                        case PERCENT -> SignalUnit.PERCENT;
                        case DURATION -> SignalUnit.MILLISECONDS;
                        case RATE -> SignalUnit.PER_SECOND;
                        case COUNT -> SignalUnit.NUMBER;
                    });
        }
        return Map.copyOf(units);
    }

    /** Whether the signal's unit is known (a signal only a custom collector produces is not). */
    public static boolean knows(String signal) {
        return UNITS.containsKey(signal);
    }

    /** How a figure names the signal: {@code error rate}, {@code db size}. */
    public static String label(String signal) {
        return LABELS.getOrDefault(signal, signal.replace('_', ' '));
    }

    /** The unit of a signal; signals Flightdeck does not know are plain numbers. */
    public static SignalUnit unitOf(String signal) {
        return UNITS.getOrDefault(signal, SignalUnit.NUMBER);
    }
}
