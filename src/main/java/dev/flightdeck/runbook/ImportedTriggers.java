package dev.flightdeck.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the items of a document's "rollback triggers" list as trigger rules where they are written in a way
 * the trigger grammar understands ({@code Error rate > 1% for 5 minutes}); the others stay prose for a person.
 */
final class ImportedTriggers {

    private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*(?:minutes?|mins?)\\b");
    private static final Pattern HOURS = Pattern.compile("(\\d+)\\s*hours?\\b");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)\\s*(?:seconds?|secs?)\\b");

    private ImportedTriggers() {
    }

    /** The rule as the runbook will carry it, or empty when the item is not a rule. */
    static Optional<String> rule(String item) {
        String text = item.toLowerCase(Locale.ROOT).strip();
        text = MINUTES.matcher(text).replaceAll("$1m");
        text = HOURS.matcher(text).replaceAll("$1h");
        text = SECONDS.matcher(text).replaceAll("$1s");
        try {
            TriggerRuleParser.parse(text);
            return Optional.of(text);
        } catch (TriggerRuleParser.InvalidRuleException notARule) {
            return Optional.empty();
        }
    }

    static List<String> rules(List<String> items) {
        return items.stream().map(ImportedTriggers::rule).flatMap(Optional::stream).toList();
    }
}
