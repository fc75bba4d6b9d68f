package dev.flightdeck.journal.verify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an evidence pack leaves out: how many records, of which types and steps, chosen by which {@code --withhold}
 * selectors. The records themselves stay in the chain by their commitments; only their text and salt are missing.
 */
public record WithheldSummary(long records, Map<String, Long> types, Map<String, Long> steps, List<String> selectors) {

    public static final WithheldSummary NONE = new WithheldSummary(0, Map.of(), Map.of(), List.of());

    public WithheldSummary {
        types = Map.copyOf(types);
        steps = Map.copyOf(steps);
        selectors = List.copyOf(selectors);
    }

    /** Adds one withheld record of {@code type}, of step {@code stepId} (null when it belongs to none). */
    public WithheldSummary plus(String type, String stepId) {
        Map<String, Long> byType = new TreeMap<>(types);
        byType.merge(type, 1L, Long::sum);
        Map<String, Long> byStep = new TreeMap<>(steps);
        if (stepId != null) {
            byStep.merge(stepId, 1L, Long::sum);
        }
        return new WithheldSummary(records + 1, byType, byStep, selectors);
    }

    public WithheldSummary withSelectors(List<String> chosen) {
        return new WithheldSummary(records, types, steps, chosen);
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /** "3 record(s): step.output ×2, step.outcome ×1; steps backup ×3" */
    public String describe() {
        if (isEmpty()) {
            return "none";
        }
        return records + " record(s): " + tally(types) + (steps.isEmpty() ? "" : "; steps " + tally(steps))
                + (selectors.isEmpty() ? "" : " (--withhold " + String.join(", ", selectors) + ")");
    }

    private static String tally(Map<String, Long> counts) {
        return new TreeMap<>(counts)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + " ×" + entry.getValue())
                        .collect(Collectors.joining(", "));
    }
}
