package dev.flightdeck.db.sql;

import dev.flightdeck.runbook.Comparison;
import dev.flightdeck.runbook.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a {@code sql} step's {@code expect:} (rows, value, empty) and says in a sentence what did not hold. */
final class ExpectationCheck {

    private ExpectationCheck() {}

    static List<String> failures(Expectation expect, long rowCount, Optional<String> firstValue, String statement) {
        List<String> failures = new ArrayList<>();
        String query = " from: " + firstLine(statement);
        expect.rows()
                .filter(rows -> !rows.test(Long.toString(rowCount)))
                .ifPresent(
                        rows -> failures.add("expected the row count " + describe(rows) + ", got " + rowCount + query));
        expect.value().ifPresent(value -> checkValue(value, firstValue, failures, query));
        expect.empty().ifPresent(empty -> {
            if (empty && rowCount > 0) {
                failures.add("expected no rows, got " + rowCount + query);
            } else if (!empty && rowCount == 0) {
                failures.add("expected at least one row, got none" + query);
            }
        });
        return List.copyOf(failures);
    }

    private static void checkValue(Comparison value, Optional<String> firstValue, List<String> failures, String query) {
        if (firstValue.isEmpty()) {
            failures.add("expected the value " + describe(value) + ", but the query returned no rows" + query);
        } else if (!value.test(firstValue.get())) {
            String actual = firstValue.get() == null ? "NULL" : ResultTable.cell(firstValue.get());
            failures.add("expected the value " + describe(value) + ", got " + actual + query);
        }
    }

    private static String describe(Comparison comparison) {
        return switch (comparison.operator()) {
            case EQUAL -> "to be " + comparison.operand();
            case NOT_EQUAL -> "not to be " + comparison.operand();
            case LESS -> "to be less than " + comparison.operand();
            case LESS_OR_EQUAL -> "to be at most " + comparison.operand();
            case GREATER -> "to be more than " + comparison.operand();
            case GREATER_OR_EQUAL -> "to be at least " + comparison.operand();
        };
    }

    private static String firstLine(String statement) {
        String trimmed = statement.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline) + " …";
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
