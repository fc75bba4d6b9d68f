package dev.flightdeck.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What must hold for a step to pass. Which fields apply depends on the kind: exit codes and output for
 * commands, rows/value/empty for SQL, status/body/latency for HTTP.
 */
public record Expectation(
        List<Integer> exitCodes,
        Optional<String> outputContains,
        Optional<Comparison> rows,
        Optional<Comparison> value,
        Optional<Boolean> empty,
        List<Integer> status,
        Optional<String> bodyContains,
        Optional<Duration> maxLatency) {

    public static Expectation none() {
        return new Expectation(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    /** Commands pass on exit code 0 unless the runbook says otherwise. */
    public List<Integer> exitCodesOrDefault() {
        return exitCodes.isEmpty() ? List.of(0) : exitCodes;
    }

    /** HTTP checks pass on any 2xx unless the runbook names statuses. */
    public boolean acceptsStatus(int code) {
        return status.isEmpty() ? code >= 200 && code < 300 : status.contains(code);
    }
}
