package dev.flightdeck.metrics.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed queries per signal, counted apart from failed measurements: how many in a row, the last few messages, and
 * which limits this run of errors has already reported (each limit once per run). Not thread-safe: the
 * {@link TriggerMonitor} holds its lock around it.
 */
final class QueryErrors {

    private static final int KEPT = 6;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, List<String>> recent = new HashMap<>();
    private final Map<String, Integer> inARow = new HashMap<>();
    private final Map<String, Set<Integer>> reported = new HashMap<>();

    void answered(String signal) {
        if (inARow.remove(signal) != null) {
            recent.remove(signal);
            reported.remove(signal);
        }
    }

    /** Counts one more error; the last few, oldest first, as evidence lines. */
    List<String> failed(String signal, long time, String message) {
        inARow.merge(signal, 1, Integer::sum);
        List<String> lines = recent.computeIfAbsent(signal, key -> new ArrayList<>());
        lines.add(TIME.format(Instant.ofEpochMilli(time)) + "Z " + message);
        if (lines.size() > KEPT) {
            lines.remove(0);
        }
        return List.copyOf(lines);
    }

    /** True once, when this run of errors first goes past {@code limit}. */
    boolean reachedLimit(String signal, int limit) {
        return inARow.getOrDefault(signal, 0) > limit
                && reported.computeIfAbsent(signal, key -> new HashSet<>()).add(limit);
    }

    int inARow(String signal) {
        return inARow.getOrDefault(signal, 0);
    }

    String last(String signal) {
        List<String> lines = recent.getOrDefault(signal, List.of());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
