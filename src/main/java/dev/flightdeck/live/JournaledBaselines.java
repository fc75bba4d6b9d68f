package dev.flightdeck.live;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import java.time.Instant;
import java.util.List;

/**
 * How a baseline is kept in the journal, whether the automatic capture or a {@code baseline:} step took it: as a
 * {@link SessionEvent.MetricsMinute} whose {@code minute} reads {@code baseline FROM/TO}, with min = the median (what
 * {@code 2x baseline} multiplies), max = the p95 (top of the band), average = the median, count = the samples and
 * text = {@link Baseline#describe()}. A later record of the same series replaces an earlier one, on resume as live.
 */
final class JournaledBaselines {

    /** The {@code minute} of a journaled baseline starts with this. */
    static final String MARKER = "baseline ";

    private JournaledBaselines() {}

    static SessionEvent.MetricsMinute event(Baseline baseline) {
        return new SessionEvent.MetricsMinute(
                baseline.id().toString(),
                MARKER + baseline.from() + "/" + baseline.to(),
                baseline.median(),
                baseline.p95(),
                baseline.median(),
                baseline.samples(),
                baseline.describe());
    }

    /** Puts back the baselines a journal holds, in journal order; the number of records read. */
    static int restore(List<Recorded> history, Baselines baselines) {
        int restored = 0;
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.MetricsMinute minute
                    && minute.minute().startsWith(MARKER)) {
                String[] interval = minute.minute().substring(MARKER.length()).split("/");
                int slash = minute.series().lastIndexOf('/');
                baselines.put(new Baseline(
                        new SeriesId(
                                minute.series().substring(0, slash),
                                minute.series().substring(slash + 1)),
                        minute.min(),
                        minute.max(),
                        minute.count(),
                        Instant.parse(interval[0]),
                        Instant.parse(interval[1])));
                restored++;
            }
        }
        return restored;
    }
}
