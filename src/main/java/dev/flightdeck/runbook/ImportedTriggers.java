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

    private ImportedTriggers() {}

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

    private static final List<String[]> WORDING = List.of(
            new String[] {
                "\\b(?:exceeds|exceed|is above|goes above|rises above|above|is greater than|greater than|is more than|more than|is over|over|is higher than|higher than)\\b",
                ">"
            },
            new String[] {
                "\\b(?:drops below|falls below|is below|below|is less than|less than|is under|under|is lower than|lower than)\\b",
                "<"
            },
            new String[] {"\\b(?:reaches|hits|is at least|at least)\\b", ">="},
            new String[] {"\\b(?:p95 latency|latency \\(p95\\)|95th percentile latency)\\b", "latency_p95"},
            new String[] {"\\b(?:p99 latency|99th percentile latency)\\b", "latency_p99"},
            new String[] {"\\b(?:replication lag)\\b", "db_replication_lag"},
            new String[] {
                "\\b(?:health checks?|the health check)\\s+fails?\\s+(\\d+)\\s+(?:times\\s+in\\s+a\\s+row|consecutive(?:ly| times)?)",
                "health fails $1 consecutive"
            },
            new String[] {"\\b(?:the|an|any|our)\\s+", ""},
            new String[] {"\\bconsistently\\s+", ""},
            new String[] {"\\bpercent\\b", "%"},
            new String[] {"(\\d)\\s+%", "$1%"},
            new String[] {"\\bfor (?:more than|over|longer than) ", "for "});

    /**
     * A condition written as a sentence ("the error rate exceeds 1% for 5 minutes") as a rule on a signal the
     * instruments measure, or empty when it is not one.
     */
    static Optional<String> measurableRule(String condition) {
        String text = condition.toLowerCase(Locale.ROOT).strip().replaceAll("[.!]+$", "");
        for (String[] wording : WORDING) {
            text = text.replaceAll(wording[0], wording[1]);
        }
        Optional<String> rule = rule(text.strip());
        return rule.filter(r -> {
            try {
                return Signals.canonical(TriggerRuleParser.parse(r).signal()).isPresent();
            } catch (TriggerRuleParser.InvalidRuleException e) {
                return false;
            }
        });
    }

    static List<String> rules(List<String> items) {
        return items.stream()
                .map(ImportedTriggers::rule)
                .flatMap(Optional::stream)
                .toList();
    }
}
