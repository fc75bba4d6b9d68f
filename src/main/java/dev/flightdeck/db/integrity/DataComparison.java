package dev.flightdeck.db.integrity;

import dev.flightdeck.db.sql.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The differences between an earlier capture and a later one, as the operator reads them. */
public record DataComparison(DataFingerprint before, DataFingerprint after, List<TableDifference> differences) {

    public DataComparison {
        differences = List.copyOf(differences);
    }

    public static DataComparison of(DataFingerprint before, DataFingerprint after) {
        List<TableDifference> differences = new ArrayList<>();
        for (Map.Entry<String, TableFacts> entry : before.tables().entrySet()) {
            TableFacts then = entry.getValue();
            TableFacts now = after.tables().get(entry.getKey());
            if (now == null) {
                differences.add(
                        new TableDifference(entry.getKey(), TableDifference.Kind.TABLE_MISSING, "present", "missing"));
                continue;
            }
            if (then.exactRows().isPresent()
                    && now.exactRows().isPresent()
                    && then.exactRows().getAsLong() != now.exactRows().getAsLong()) {
                differences.add(new TableDifference(
                        entry.getKey(),
                        TableDifference.Kind.ROW_COUNT,
                        Long.toString(then.exactRows().getAsLong()),
                        Long.toString(now.exactRows().getAsLong())));
            }
            if (then.contentHash().isPresent() && !Objects.equals(then.contentHash(), now.contentHash())) {
                differences.add(new TableDifference(
                        entry.getKey(),
                        TableDifference.Kind.CONTENT,
                        shortHash(then.contentHash().get()),
                        now.contentHash().map(DataComparison::shortHash).orElse("not captured")));
            }
        }
        after.tables().keySet().stream()
                .filter(table -> !before.tables().containsKey(table))
                .forEach(table -> differences.add(
                        new TableDifference(table, TableDifference.Kind.TABLE_ADDED, "absent", "present")));
        return new DataComparison(before, after, differences);
    }

    /** True when no difference means lost or changed data (new tables are allowed). */
    public boolean matches() {
        return differences.stream().noneMatch(difference -> difference.kind().failsComparison());
    }

    public long failingDifferences() {
        return differences.stream()
                .filter(difference -> difference.kind().failsComparison())
                .count();
    }

    /** Table | check | before | after, for the console and the CLI. */
    public ResultTable table() {
        List<List<String>> rows = differences.stream()
                .map(difference ->
                        List.of(difference.table(), difference.kind().label(), difference.before(), difference.after()))
                .toList();
        return new ResultTable(List.of("table", "check", "before", "after"), rows, rows.size());
    }

    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
