package dev.flightdeck.journal.export;

import dev.flightdeck.journal.EventTypes;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalJson;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which records an evidence pack leaves out ({@code journal export --withhold SELECTOR}, repeatable): a selector is
 * an event type ({@code step.output}) or {@code step:ID} (every record whose {@code stepId} is ID). A withheld
 * record keeps its place in the chain by its commitment; its text and salt stay out of the pack.
 */
public record Withholding(List<String> selectors) {

    public static final String STEP_PREFIX = "step:";
    public static final Withholding NOTHING = new Withholding(List.of());

    /** Refuses a selector that could never mean a record of the session (checkpoints are always shown). */
    public Withholding {
        selectors = List.copyOf(selectors);
        for (String selector : selectors) {
            if (selector.isBlank() || selector.equals(STEP_PREFIX)) {
                throw new IllegalArgumentException(
                        "--withhold needs an event type (step.output) or a step (step:ID), not '" + selector + "'");
            }
            if (selector.equals(EventTypes.CHECKPOINT)) {
                throw new IllegalArgumentException(
                        "--withhold checkpoint: checkpoints are never withheld, they are what the reviewer checks");
            }
        }
    }

    public boolean withholds(JournalEntry entry) {
        return selectors.stream().anyMatch(selector -> matches(selector, entry));
    }

    /**
     * The selectors that match no record of these entries (a typo would otherwise reveal what it meant to hide),
     * with what the journal holds, for the message.
     */
    public String unmatchedOrNull(Collection<JournalEntry> entries) {
        List<String> unmatched = selectors.stream()
                .filter(selector -> entries.stream().noneMatch(entry -> matches(selector, entry)))
                .toList();
        if (unmatched.isEmpty()) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        Set<String> steps = new TreeSet<>();
        for (JournalEntry entry : entries) {
            if (!entry.type().equals(EventTypes.CHECKPOINT)) {
                types.add(entry.type());
            }
            if (entry.payload().hasNonNull("stepId")) {
                steps.add(entry.payload().get("stepId").asText());
            }
        }
        return "--withhold " + String.join(", ", unmatched) + " matches no record of this journal (types: "
                + String.join(", ", types) + "; steps: " + String.join(", ", steps) + "); nothing was written";
    }

    private static boolean matches(String selector, JournalEntry entry) {
        if (entry.type().equals(EventTypes.CHECKPOINT)) {
            return false;
        }
        if (selector.startsWith(STEP_PREFIX)) {
            return selector.substring(STEP_PREFIX.length()).equals(stepOf(entry));
        }
        return selector.equals(entry.type());
    }

    static String stepOf(JournalEntry entry) {
        return entry.payload().hasNonNull("stepId")
                ? entry.payload().get("stepId").asText()
                : null;
    }

    /** A withheld record as a pack's reader sees it: when, its type and step; nothing of its text. */
    static JournalEntry placeholder(long sequence, Instant time, String type, String stepId) {
        var payload = JournalJson.object().put("type", type);
        payload.put("stepId", stepId);
        return new JournalEntry(sequence, time, EventTypes.WITHHELD, "(withheld)", payload);
    }
}
