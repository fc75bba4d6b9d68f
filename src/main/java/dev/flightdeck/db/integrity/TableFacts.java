package dev.flightdeck.db.integrity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What was recorded about one table.
 *
 * @param table         schema-qualified ({@code public.visits})
 * @param exactRows     {@code count(*)}, for the tables the runbook names
 * @param estimatedRows the planner's estimate ({@code reltuples}); -1 when the table was never analysed
 * @param contentHash   a hash over the chosen key columns of every row, when asked for
 */
public record TableFacts(
        String table,
        OptionalLong exactRows,
        long estimatedRows,
        Optional<String> contentHash,
        List<String> hashColumns) {

    public TableFacts {
        hashColumns = List.copyOf(hashColumns);
    }
}
