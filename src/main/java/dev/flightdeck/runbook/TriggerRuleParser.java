package dev.flightdeck.runbook;

import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the readable trigger grammar:
 * <pre>
 *   SIGNAL OP NUMBER[%|ms|s|x baseline] [for DURATION]
 *   SIGNAL OP NUMBERx baseline at least +NUMBER[%|ms|s] [for DURATION]
 *   SIGNAL fails N consecutive        SIGNAL failures > N consecutive
 *   SIGNAL failures                   SIGNAL fails
 *   SIGNAL of GROUP OP NUMBERx SIGNAL of GROUP [for DURATION]      (canary against stable)
 * </pre>
 * SIGNAL is one or more words ({@code db connection} reads as {@code db_connection}).
 */
public final class TriggerRuleParser {

    /** A rule that did not parse, with what was wrong in the author's terms. */
    public static final class InvalidRuleException extends Exception {
        public InvalidRuleException(String message) {
            super(message);
        }
    }

    private static final Pattern OPERATOR = Pattern.compile("(<=|>=|!=|==|<|>|=)");
    private static final Pattern THRESHOLD =
            Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*(%|ms|s|x\\s*baseline|x)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FLOOR = Pattern.compile("^\\+?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%|ms|s)?$");
    private static final Pattern SIGNAL_WORD = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final Pattern GROUP_REFERENCE =
            Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*x\\s+(.+?)\\s+of\\s+(\\S+)$");
    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Pattern AMOUNT = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*(%|ms|s)?$");
    private static final String GROUP_EXAMPLE =
            "write it as 'latency_p95 of canary > 1.5x latency_p95 of stable for 5m'";
    private static final String EXAMPLE = "for example 'error_rate > 1% for 5m' or 'health fails 3 consecutive'";

    private TriggerRuleParser() {}

    public static TriggerRule parse(String text) throws InvalidRuleException {
        String rule = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (rule.isEmpty()) {
            throw new InvalidRuleException("the trigger rule is empty; write it " + EXAMPLE);
        }
        Matcher operator = OPERATOR.matcher(rule);
        if (operator.find()) {
            return comparison(rule, operator);
        }
        List<String> words = Arrays.asList(rule.split(" "));
        int last = words.size() - 1;
        if (words.get(last).equals("failures") || words.get(last).equals("fails")) {
            return new TriggerRule.AnyFailure(signal(words.subList(0, last)));
        }
        int fails = words.indexOf("fails");
        if (fails > 0 && words.size() == fails + 3 && words.get(fails + 2).equals("consecutive")) {
            return new TriggerRule.ConsecutiveFailures(signal(words.subList(0, fails)), count(words.get(fails + 1), 1));
        }
        throw new InvalidRuleException(
                "cannot read trigger rule '" + text.trim() + "': expected a comparison or a failure count, " + EXAMPLE);
    }

    private static TriggerRule comparison(String rule, Matcher operator) throws InvalidRuleException {
        if (rule.substring(0, operator.start()).contains(" of ")) {
            return groupComparison(rule, operator);
        }
        List<String> signalWords =
                Arrays.asList(rule.substring(0, operator.start()).trim().split(" "));
        String rest = rule.substring(operator.end()).trim();
        Comparison.Operator op = operatorOf(operator.group(1));
        if (signalWords.size() > 1 && signalWords.get(signalWords.size() - 1).equals("failures")) {
            // "health check failures > 3 consecutive": more than N in a row, so it fires at N + 1
            if (!rest.endsWith(" consecutive") || op != Comparison.Operator.GREATER) {
                throw new InvalidRuleException(
                        "a failure count is written 'SIGNAL failures > N consecutive' or 'SIGNAL fails N consecutive'");
            }
            String count =
                    rest.substring(0, rest.length() - " consecutive".length()).trim();
            return new TriggerRule.ConsecutiveFailures(
                    signal(signalWords.subList(0, signalWords.size() - 1)), count(count, 0) + 1);
        }
        String signal = signal(signalWords);
        Optional<Duration> sustained = Optional.empty();
        int forAt = rest.indexOf(" for ");
        if (forAt >= 0) {
            String durationText = rest.substring(forAt + 5).trim();
            sustained = Optional.of(Durations.parse(durationText)
                    .orElseThrow(() -> new InvalidRuleException(
                            "'" + durationText + "' after 'for' is not " + Durations.EXPECTED)));
            rest = rest.substring(0, forAt).trim();
        } else if (rest.endsWith(" for") || rest.equals("for")) {
            throw new InvalidRuleException("'for' must be followed by " + Durations.EXPECTED);
        }
        Optional<Double> floor = Optional.empty();
        TriggerRule.Unit floorUnit = TriggerRule.Unit.NONE;
        int atLeast = rest.indexOf(" at least ");
        if (atLeast >= 0) {
            Matcher amount = FLOOR.matcher(
                    rest.substring(atLeast + " at least ".length()).trim());
            if (!amount.matches()) {
                throw new InvalidRuleException("'" + rest.substring(atLeast).trim()
                        + "' must be 'at least +NUMBER' with an optional unit (%, ms, s), "
                        + "as in 'latency_p95 > 2x baseline at least +50ms for 20s'");
            }
            floor = Optional.of(Double.parseDouble(amount.group(1)));
            floorUnit = unitOf(amount.group(2) == null ? "" : amount.group(2));
            rest = rest.substring(0, atLeast).trim();
        }
        Matcher threshold = THRESHOLD.matcher(rest);
        if (!threshold.matches()) {
            throw new InvalidRuleException("cannot read the threshold '" + rest
                    + "': expected a number with an optional unit (%, ms, s, x baseline)");
        }
        String unitText = threshold.group(2) == null ? "" : threshold.group(2).replace(" ", "");
        if (unitText.equals("x")) {
            throw new InvalidRuleException("'" + rest + "' needs 'baseline' after the multiple, as in '2x baseline'");
        }
        TriggerRule.Unit unit = unitOf(unitText);
        if (floor.isPresent() && unit != TriggerRule.Unit.BASELINE_MULTIPLE) {
            throw new InvalidRuleException(
                    "'at least' sets the least change from a baseline; '" + rest + "' is not relative to one");
        }
        double value = Double.parseDouble(threshold.group(1));
        if (unit == TriggerRule.Unit.PERCENT && value > 100) {
            throw new InvalidRuleException("a percentage cannot exceed 100%: '" + rest + "'");
        }
        return new TriggerRule.Threshold(signal, op, value, unit, sustained, floor, floorUnit);
    }

    /** {@code latency_p95 of canary > 1.5x latency_p95 of stable for 5m} */
    private static TriggerRule groupComparison(String rule, Matcher operator) throws InvalidRuleException {
        String left = rule.substring(0, operator.start()).trim();
        String rest = rule.substring(operator.end()).trim();
        Optional<Duration> sustained = Optional.empty();
        int forAt = rest.indexOf(" for ");
        if (forAt >= 0) {
            String durationText = rest.substring(forAt + 5).trim();
            sustained = Optional.of(Durations.parse(durationText)
                    .orElseThrow(() -> new InvalidRuleException(
                            "'" + durationText + "' after 'for' is not " + Durations.EXPECTED)));
            rest = rest.substring(0, forAt).trim();
        }
        Matcher right = GROUP_REFERENCE.matcher(rest);
        String[] subject = left.split(" of ", -1);
        if (subject.length != 2 || !right.matches()) {
            throw new InvalidRuleException("cannot read the comparison '" + rule + "': " + GROUP_EXAMPLE);
        }
        String signal = signal(List.of(subject[0].trim().split(" ")));
        String reference = signal(List.of(right.group(2).trim().split(" ")));
        if (!signal.equals(reference)) {
            throw new InvalidRuleException("'" + rule + "' compares " + signal + " with " + reference
                    + ": a canary rule compares one signal across two groups, " + GROUP_EXAMPLE);
        }
        String group = group(subject[1]);
        String referenceGroup = group(right.group(3));
        if (group.equals(referenceGroup)) {
            throw new InvalidRuleException("'" + rule + "' compares group '" + group + "' with itself");
        }
        double factor = Double.parseDouble(right.group(1));
        if (factor <= 0) {
            throw new InvalidRuleException("the factor in '" + rest + "' must be more than 0");
        }
        return new TriggerRule.GroupComparison(
                signal, group, operatorOf(operator.group(1)), factor, referenceGroup, sustained);
    }

    private static String group(String text) throws InvalidRuleException {
        String group = text.trim();
        if (!GROUP_NAME.matcher(group).matches()) {
            throw new InvalidRuleException(
                    "'" + group + "' is not a group name: one word of the inventory's groups, e.g. canary");
        }
        return group;
    }

    /** {@code 1%}, {@code 250ms}, {@code 2s} or a plain number: an analysis bound in the rule's own terms. */
    public static TriggerAnalysis.Amount amount(String text) throws InvalidRuleException {
        Matcher amount = AMOUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!amount.matches()) {
            throw new InvalidRuleException(
                    "'" + text.trim() + "' is not a number with an optional unit (%, ms, s), e.g. 1% or 250ms");
        }
        return new TriggerAnalysis.Amount(
                Double.parseDouble(amount.group(1)), unitOf(amount.group(2) == null ? "" : amount.group(2)));
    }

    private static TriggerRule.Unit unitOf(String written) {
        return switch (written) {
            case "%" -> TriggerRule.Unit.PERCENT;
            case "ms" -> TriggerRule.Unit.MILLISECONDS;
            case "s" -> TriggerRule.Unit.SECONDS;
            case "xbaseline" -> TriggerRule.Unit.BASELINE_MULTIPLE;
            default -> TriggerRule.Unit.NONE;
        };
    }

    private static String signal(List<String> words) throws InvalidRuleException {
        List<String> cleaned = new ArrayList<>();
        for (String word : words) {
            if (word.isBlank()) {
                continue;
            }
            if (!SIGNAL_WORD.matcher(word).matches()) {
                throw new InvalidRuleException(
                        "'" + word + "' is not a signal name: use letters, digits and '_' (e.g. error_rate)");
            }
            cleaned.add(word);
        }
        if (cleaned.isEmpty()) {
            throw new InvalidRuleException("the rule names no signal; " + EXAMPLE);
        }
        return String.join("_", cleaned);
    }

    private static int count(String text, int minimum) throws InvalidRuleException {
        try {
            int count = Integer.parseInt(text.trim());
            if (count < minimum || count > 1000) {
                throw new InvalidRuleException(
                        "the failure count must be between " + Math.max(1, minimum) + " and 1000, not " + count);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new InvalidRuleException("'" + text.trim() + "' is not a whole number of failures");
        }
    }

    private static Comparison.Operator operatorOf(String symbol) {
        return switch (symbol) {
            case "<" -> Comparison.Operator.LESS;
            case "<=" -> Comparison.Operator.LESS_OR_EQUAL;
            case ">" -> Comparison.Operator.GREATER;
            case ">=" -> Comparison.Operator.GREATER_OR_EQUAL;
            case "!=" -> Comparison.Operator.NOT_EQUAL;
            default -> Comparison.Operator.EQUAL;
        };
    }
}
