package dev.flightdeck.db.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a result, for display. Cells are text (null shown as {@code NULL}) and long cells are cut.
 *
 * @param totalRows every row the statement returned, shown or not
 */
public record ResultTable(List<String> columns, List<List<String>> rows, long totalRows) {

    public static final int MAX_DISPLAY_ROWS = 20;
    static final int MAX_CELL = 60;

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean truncated() {
        return totalRows > rows.size();
    }

    /** A plain-text table like psql prints, for the CLI and logs. */
    public String render() {
        int[] widths = new int[columns.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = columns.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, columns, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        out.append(String.join("-+-", rule)).append('\n');
        rows.forEach(row -> appendRow(out, row, widths));
        out.append('(').append(totalRows).append(totalRows == 1 ? " row" : " rows");
        if (truncated()) {
            out.append(", first ").append(rows.size()).append(" shown");
        }
        return out.append(")\n").toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        List<String> padded = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            padded.add(String.format("%-" + Math.max(1, widths[i]) + "s", cells.get(i)));
        }
        out.append(String.join(" | ", padded).stripTrailing()).append('\n');
    }

    static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() > MAX_CELL ? oneLine.substring(0, MAX_CELL - 1) + "…" : oneLine;
    }
}
