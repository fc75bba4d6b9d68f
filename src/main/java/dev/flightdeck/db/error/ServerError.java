package dev.flightdeck.db.error;

import java.util.Optional;

/**
 * What PostgreSQL said about a failed statement.
 *
 * @param position 1-based character offset into the statement, 0 when the server gave none
 */
public record ServerError(
        String sqlState, String message, int position, Optional<String> detail, Optional<String> hint) {

    /** "line 2, column 8" for the position in the given statement text; empty without a position. */
    public Optional<String> location(String statement) {
        if (position <= 0 || statement == null || position > statement.length() + 1) {
            return Optional.empty();
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < position - 1; i++) {
            if (statement.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Optional.of("line " + line + ", column " + column);
    }
}
