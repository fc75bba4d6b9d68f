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
 * @param failures    one readable sentence per unmet expectation; empty when the step passed
 */
public record SqlOutcome(
        ResultTable table,
        long rowCount,
        Optional<String> firstValue,
        String rowsSha256,
        Optional<List<List<String>>> keptRows,
        List<String> failures,
        Duration elapsed) {

    public boolean passed() {
        return failures.isEmpty();
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
