package dev.flightdeck.db.sql;

import java.util.Locale;
import java.util.Set;

/**
 * What a statement that returns no rows did, in words for the operator: {@code UPDATE changed 3 rows} or {@code the DO
 * block ran to the end}, never a one-cell table headed "changed" that reads 0 for a migration that did its work.
 * PostgreSQL counts rows only for the commands in {@link #COUNTING}; for anything else (a DO block, DDL, GRANT) the
 * count it sends is 0 and means nothing, so it is not shown as a figure.
 *
 * @param command     the leading keyword of the statement (upper case), {@code ""} when there is none
 * @param statements  how many statements the text held (results the server sent)
 * @param rows        rows changed, summed over the statements that count them
 */
public record RowsChanged(String command, int statements, long rows) {

    private static final Set<String> COUNTING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY");

    /** The first keyword of the statement, after blank space and SQL comments. */
    public static String commandOf(String statement) {
        String rest = statement;
        while (true) {
            rest = rest.stripLeading();
            if (rest.startsWith("--")) {
                int end = rest.indexOf('\n');
                rest = end < 0 ? "" : rest.substring(end + 1);
            } else if (rest.startsWith("/*")) {
                int end = rest.indexOf("*/");
                rest = end < 0 ? "" : rest.substring(end + 2);
            } else {
                break;
            }
        }
        int end = 0;
        while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end).toUpperCase(Locale.ROOT);
    }

    public boolean counted() {
        return statements > 1 || COUNTING.contains(command);
    }

    /** One sentence: {@code UPDATE changed 3 rows}, {@code 3 statements ran; 5 rows changed in all}, {@code the DO block ran to the end}. */
    public String describe() {
        if (statements > 1) {
            return statements + " statements ran; " + rowsText() + " changed in all";
        }
        if (COUNTING.contains(command)) {
            return command + " changed " + rowsText();
        }
        if (command.equals("DO")) {
            return "the DO block ran to the end (PostgreSQL does not count the rows a DO block changes)";
        }
        return (command.isEmpty() ? "the statement" : command) + " done (a command that changes no rows by itself)";
    }

    private String rowsText() {
        return String.format(Locale.ROOT, "%,d", rows) + (rows == 1 ? " row" : " rows");
    }
}
