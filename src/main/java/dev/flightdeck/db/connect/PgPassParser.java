package dev.flightdeck.db.connect;

import java.util.Arrays;
import java.util.Optional;

/** Finds the first {@code .pgpass} line matching host, port, database and user; works on characters only. */
final class PgPassParser {

    private final char[] content;

    PgPassParser(char[] content) {
        this.content = content;
    }

    /** @param wanted host, port, database, user */
    Optional<char[]> firstMatch(String[] wanted) {
        int lineStart = 0;
        while (lineStart < content.length) {
            int lineEnd = lineStart;
            while (lineEnd < content.length && content[lineEnd] != '\n') {
                lineEnd++;
            }
            int end = lineEnd > lineStart && content[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            Optional<char[]> password = matchLine(lineStart, end, wanted);
            if (password.isPresent()) {
                return password;
            }
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }

    private Optional<char[]> matchLine(int start, int end, String[] wanted) {
        if (start >= end || content[start] == '#') {
            return Optional.empty();
        }
        int position = start;
        for (String field : wanted) {
            int fieldEnd = endOfField(position, end);
            if (fieldEnd >= end || !fieldMatches(position, fieldEnd, field)) {
                return Optional.empty();
            }
            position = fieldEnd + 1;
        }
        return Optional.of(unescape(position, end));
    }

    private int endOfField(int from, int end) {
        int i = from;
        while (i < end && content[i] != ':') {
            i += content[i] == '\\' ? 2 : 1;
        }
        return Math.min(i, end);
    }

    private boolean fieldMatches(int from, int to, String wanted) {
        if (to - from == 1 && content[from] == '*') {
            return true;
        }
        char[] field = unescape(from, to);
        try {
            return Arrays.equals(field, wanted.toCharArray());
        } finally {
            Arrays.fill(field, '\0');
        }
    }

    /** The field's characters with {@code \:} and {@code \\} escapes resolved (libpq stops the password at an unescaped colon). */
    private char[] unescape(int from, int to) {
        char[] out = new char[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            if (content[i] == '\\' && i + 1 < to) {
                i++;
            } else if (content[i] == ':') {
                break;
            }
            out[length++] = content[i];
        }
        char[] result = Arrays.copyOf(out, length);
        Arrays.fill(out, '\0');
        return result;
    }
}
