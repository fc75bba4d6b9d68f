package dev.flightdeck.runbook;

import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** What must hold, in words ({@code HTTP status 200; body contains "ok"}); empty when the kind's default applies. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!exitCodes.isEmpty()) {
            parts.add("exit code " + joined(exitCodes));
        }
        outputContains.filter(s -> !s.isBlank()).ifPresent(s -> parts.add("output contains \"" + s + "\""));
        rows.ifPresent(c -> parts.add("rows " + c));
        value.ifPresent(c -> parts.add("value " + c));
        empty.ifPresent(e -> parts.add(e ? "no rows" : "at least one row"));
        if (!status.isEmpty()) {
            parts.add("HTTP status " + joined(status));
        }
        bodyContains.ifPresent(s -> parts.add("body contains \"" + s + "\""));
        maxLatency.ifPresent(d -> parts.add("answers within " + Durations.format(d)));
        return String.join("; ", parts);
    }

    private static String joined(List<Integer> codes) {
        return codes.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }
}
