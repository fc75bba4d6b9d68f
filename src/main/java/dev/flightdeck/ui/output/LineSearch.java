package dev.flightdeck.ui.output;

import java.util.List;
import java.util.OptionalInt;

/** Case-insensitive search over the shown lines, without allocating per line (it runs on the FX thread). */
final class LineSearch {

    private LineSearch() {}

    static boolean matches(OutputLine line, String query) {
        return query != null && !query.isEmpty() && containsIgnoreCase(line.text(), query);
    }

    /** The next matching index after {@code from}, wrapping around; {@code from} = -1 starts at the top. */
    static OptionalInt next(List<OutputLine> lines, String query, int from) {
        int size = lines.size();
        for (int step = 1; step <= size; step++) {
            int index = Math.floorMod(from + step, size);
            if (matches(lines.get(index), query)) {
                return OptionalInt.of(index);
            }
        }
        return OptionalInt.empty();
    }

    /** The previous matching index before {@code from}, wrapping around; {@code from} = size starts at the end. */
    static OptionalInt previous(List<OutputLine> lines, String query, int from) {
        int size = lines.size();
        for (int step = 1; step <= size; step++) {
            int index = Math.floorMod(from - step, size);
            if (matches(lines.get(index), query)) {
                return OptionalInt.of(index);
            }
        }
        return OptionalInt.empty();
    }

    static int count(List<OutputLine> lines, String query) {
        int count = 0;
        for (OutputLine line : lines) {
            if (matches(line, query)) {
                count++;
            }
        }
        return count;
    }

    static boolean containsIgnoreCase(String text, String query) {
        int last = text.length() - query.length();
        for (int start = 0; start <= last; start++) {
            if (text.regionMatches(true, start, query, 0, query.length())) {
                return true;
            }
        }
        return false;
    }
}
