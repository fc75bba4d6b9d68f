package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a trigger's analysis keys ({@code failure-limit}, {@code inconclusive}, {@code inconclusive-limit},
 * {@code consecutive-error-limit}) and its {@code mode}, and checks that they fit its rule, with line and column.
 */
final class TriggerAnalysisReader {

    static final Set<String> KEYS =
            Set.of("failure-limit", "inconclusive", "inconclusive-limit", "consecutive-error-limit", "mode");
    private static final int MOST = 1000;

    private TriggerAnalysisReader() {}

    static TriggerSpec.Mode mode(MappingReader trigger, Problems problems) {
        String mode = trigger.text("mode").orElse("enforce");
        return switch (mode) {
            case "enforce" -> TriggerSpec.Mode.ENFORCE;
            case "shadow" -> TriggerSpec.Mode.SHADOW;
            default -> {
                problems.error(
                        trigger.positionOf("mode"),
                        "'mode' of a rollback trigger must be enforce or shadow (a dry run that never acts), not '"
                                + mode + "'");
                yield TriggerSpec.Mode.ENFORCE;
            }
        };
    }

    static TriggerAnalysis analysis(MappingReader trigger, TriggerRule rule, Problems problems) {
        OptionalInt failureLimit =
                trigger.integer("failure-limit", 0, MOST).map(OptionalInt::of).orElse(OptionalInt.empty());
        if (failureLimit.isPresent() && sustained(rule)) {
            problems.error(
                    trigger.positionOf("failure-limit"),
                    "'failure-limit' counts failed measurements in the window; it cannot be combined with 'for' in "
                            + "the rule: drop one of them");
        }
        Optional<TriggerAnalysis.Amount> bound = inconclusive(trigger, rule, problems);
        int inconclusiveLimit = trigger.integer("inconclusive-limit", 0, MOST).orElse(0);
        if (trigger.has("inconclusive-limit") && bound.isEmpty() && !trigger.has("inconclusive")) {
            problems.error(
                    trigger.positionOf("inconclusive-limit"),
                    "'inconclusive-limit' needs 'inconclusive:' (the bound of the band between healthy and failed)");
        }
        int errorLimit = trigger.integer("consecutive-error-limit", 0, MOST)
                .orElse(TriggerAnalysis.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
        return new TriggerAnalysis(failureLimit, bound, inconclusiveLimit, errorLimit);
    }

    private static boolean sustained(TriggerRule rule) {
        return rule instanceof TriggerRule.Threshold threshold
                        && threshold.sustainedFor().isPresent()
                || rule instanceof TriggerRule.GroupComparison comparison
                        && comparison.sustainedFor().isPresent();
    }

    /** The band's other edge: same unit as the threshold, on its healthy side. */
    private static Optional<TriggerAnalysis.Amount> inconclusive(
            MappingReader trigger, TriggerRule rule, Problems problems) {
        Optional<String> text = trigger.text("inconclusive");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        TriggerAnalysis.Amount bound;
        try {
            bound = TriggerRuleParser.amount(text.get());
        } catch (TriggerRuleParser.InvalidRuleException e) {
            problems.error(trigger.positionOf("inconclusive"), "'inconclusive': " + e.getMessage());
            return Optional.empty();
        }
        if (!(rule instanceof TriggerRule.Threshold threshold)
                || threshold.unit() == TriggerRule.Unit.BASELINE_MULTIPLE) {
            problems.error(
                    trigger.positionOf("inconclusive"),
                    "'inconclusive' needs a rule with a fixed threshold such as 'error_rate > 5%'");
            return Optional.empty();
        }
        TriggerAnalysis.Amount limit = new TriggerAnalysis.Amount(threshold.value(), threshold.unit());
        if (!sameKind(bound.unit(), limit.unit())) {
            problems.error(
                    trigger.positionOf("inconclusive"),
                    "'inconclusive: " + bound.written() + "' must be written in the threshold's unit ('"
                            + limit.written() + "')");
            return Optional.empty();
        }
        boolean healthySide = switch (threshold.operator()) {
            case GREATER, GREATER_OR_EQUAL -> bound.stored() < limit.stored();
            case LESS, LESS_OR_EQUAL -> bound.stored() > limit.stored();
            default -> false;
        };
        if (!healthySide) {
            problems.error(
                    trigger.positionOf("inconclusive"),
                    "'inconclusive: " + bound.written() + "' must lie on the healthy side of the threshold "
                            + limit.written() + " (the band runs from it to the threshold), and the rule must be a "
                            + "'<' or '>' comparison");
            return Optional.empty();
        }
        return Optional.of(bound);
    }

    private static boolean sameKind(TriggerRule.Unit bound, TriggerRule.Unit limit) {
        boolean boundTime = bound == TriggerRule.Unit.SECONDS || bound == TriggerRule.Unit.MILLISECONDS;
        boolean limitTime = limit == TriggerRule.Unit.SECONDS || limit == TriggerRule.Unit.MILLISECONDS;
        return boundTime ? limitTime : bound == limit || bound == TriggerRule.Unit.NONE && !limitTime;
    }
}
