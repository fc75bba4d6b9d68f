package dev.flightdeck.db.sql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code sql} step returned and whether its expectations held.
 *
 * @param rowCount    rows returned, or rows changed for INSERT/UPDATE/DELETE
 * @param firstValue  first column of the first row (the {@code value} output), empty without rows
 * @param rowsSha256  SHA-256 of all returned rows (see {@code RowDigest}); what the journal keeps
 * @param keptRows    every row as text, only when the step allowed keeping rows
 * @param change      for a statement that returns no rows, what it changed, in words
 * @param failures    one readable sentence per unmet expectation; empty when the step passed
 */
public record SqlOutcome(
        ResultTable table,
        long rowCount,
        Optional<String> firstValue,
        String rowsSha256,
        Optional<List<List<String>>> keptRows,
        Optional<RowsChanged> change,
        List<String> failures,
        Duration elapsed) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /** What the operator reads: the rows as a table, or what the statement changed in one sentence. */
    public String shown() {
        return change.map(changed -> changed.describe() + "\n").orElseGet(table::render);
    }

    /** One line for the step's result: {@code 12 rows in 8 ms}, {@code UPDATE changed 3 rows in 8 ms}. */
    public String summary() {
        String what = change.map(RowsChanged::describe).orElse(rowCount + (rowCount == 1 ? " row" : " rows"));
        return what + " in " + elapsed.toMillis() + " ms";
    }

    /** The step outputs later steps can use as {@code ${steps.ID.rows}}, {@code value}, {@code hash}. */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("rows", Long.toString(rowCount));
        outputs.put("value", firstValue.orElse(""));
        outputs.put("hash", rowsSha256);
        return outputs;
    }
}
