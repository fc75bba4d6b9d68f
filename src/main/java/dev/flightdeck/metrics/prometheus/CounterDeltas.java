package dev.flightdeck.metrics.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * What each counter gained since the previous scrape. A counter lower than before was reset (the process
 * restarted), so everything it shows now is new; a counter absent from the previous scrape was created since
 * (clients create labelled counters on first use, e.g. the first 500), so it gained its whole value.
 * Nothing is known on the first scrape.
 */
final class CounterDeltas {

    private Map<String, Double> previous;
    private Map<String, Double> current = new HashMap<>();

    /** Starts a new scrape; false on the first one, whose deltas are unknown. */
    boolean begin() {
        boolean known = previous != null || !current.isEmpty();
        previous = current;
        current = new HashMap<>();
        return known;
    }

    double delta(PrometheusSample sample) {
        String key = sample.key();
        double value = sample.value();
        current.put(key, value);
        Double before = previous.get(key);
        if (before == null || value < before) {
            return value;
        }
        return value - before;
    }
}
