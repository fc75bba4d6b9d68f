package dev.flightdeck.runbook;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expected value: {@code 50000}, {@code "active"}, or a comparison such as {@code ">= 1"} or {@code "!= 0"}.
 * Numbers compare as numbers; anything else compares as text (equality only).
 */
public record Comparison(Operator operator, String operand) {

    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern WITH_OPERATOR = Pattern.compile("^\\s*(<=|>=|!=|==|=|<|>)\\s*(.+?)\\s*$");

    /** Parses an expectation; empty when an ordering operator is given a non-number. */
    public static Optional<Comparison> parse(String text) {
        Matcher matcher = WITH_OPERATOR.matcher(text);
        if (!matcher.matches()) {
            return Optional.of(new Comparison(Operator.EQUAL, text));
        }
        Operator operator = switch (matcher.group(1)) {
            case "<=" -> Operator.LESS_OR_EQUAL;
            case ">=" -> Operator.GREATER_OR_EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "<" -> Operator.LESS;
            case ">" -> Operator.GREATER;
            default -> Operator.EQUAL;
        };
        String operand = matcher.group(2);
        boolean ordering = operator != Operator.EQUAL && operator != Operator.NOT_EQUAL;
        if (ordering && asNumber(operand).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(operator, operand));
    }

    public boolean test(String actual) {
        Optional<BigDecimal> expectedNumber = asNumber(operand);
        Optional<BigDecimal> actualNumber = actual == null ? Optional.empty() : asNumber(actual);
        if (expectedNumber.isPresent() && actualNumber.isPresent()) {
            int order = actualNumber.get().compareTo(expectedNumber.get());
            return switch (operator) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
        boolean equal = operand.equals(actual);
        return switch (operator) {
            case EQUAL -> equal;
            case NOT_EQUAL -> !equal;
            default -> false;
        };
    }

    private static Optional<BigDecimal> asNumber(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return operator == Operator.EQUAL ? operand : operator.symbol() + " " + operand;
    }
}
