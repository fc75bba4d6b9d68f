package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An analysis rule cannot tell whether the change is healthy and asks the operator to continue or roll back: its
 * measurements stayed in the inconclusive band, or the queries behind its signal kept failing. The session journals
 * it as {@code SessionEvent.AnalysisInconclusive} and starts no further step until the operator answers.
 *
 * @param series   the series the measurements were taken on; empty for query errors (no series came back)
 * @param evidence the readable proof: a summary line, then the samples or the errors
 */
public record AnalysisPause(String trigger, Kind kind, Optional<SeriesId> series, Instant at, List<String> evidence) {

    public enum Kind {
        /** more measurements inside the inconclusive band than {@code inconclusive-limit} allows */
        INCONCLUSIVE,
        /** more queries failed in a row than {@code consecutive-error-limit} allows: the instruments are blind */
        QUERY_ERRORS
    }

    public AnalysisPause {
        evidence = List.copyOf(evidence);
    }

    /** {@code inconclusive} or {@code query-errors}: the journal's words for the kind. */
    public String kindText() {
        return kind == Kind.INCONCLUSIVE ? "inconclusive" : "query-errors";
    }

    /** One line for the operator: the rule, where, and the first line of the evidence. */
    public String headline() {
        return trigger
                + series.map(id -> " on " + id.source()).orElse("")
                + (evidence.isEmpty() ? "" : " (" + evidence.get(0) + ")");
    }
}
