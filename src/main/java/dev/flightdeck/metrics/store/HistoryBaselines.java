package dev.flightdeck.metrics.store;

import dev.flightdeck.metrics.signal.Baseline;
import java.time.Instant;
import java.util.List;

/**
 * A source that keeps its own history (a Prometheus server) and can give the baselines of its series from a range
 * before the window ({@code baseline: 1h before}, {@code 7d same hour}) instead of the minutes Flightdeck read itself.
 * The engine asks it when baselines are taken; what it gives replaces the locally measured baseline of that series.
 */
public interface HistoryBaselines {

    /** The baselines as of {@code now}; empty when the history could not be read (the local ones then stand). */
    List<Baseline> baselinesAt(Instant now) throws InterruptedException;
}
