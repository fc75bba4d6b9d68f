package dev.flightdeck.diagnostic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the closest known word for a misspelt one: edit distance with transpositions counted as one edit
 * (optimal string alignment), allowing one edit per three letters, so "timout" finds "timeout" and "prot" finds
 * "port", but "base" does not suggest "date".
 */
public final class DidYouMean {

    private DidYouMean() {}

    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, lower.length() / 3);
        return candidates.stream()
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))));
    }

    /**
     * " (did you mean 'x'?)", or " (did you mean 'x', 'y' or 'z'?)" when several are equally close (at most three),
     * or an empty string; ready to append to a message.
     */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> best = closest(word, candidates);
        if (best.isEmpty()) {
            return "";
        }
        String lower = word.toLowerCase(Locale.ROOT);
        int bestDistance = distance(lower, best.get().toLowerCase(Locale.ROOT));
        List<String> equallyClose = candidates.stream()
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) == bestDistance)
                .sorted()
                .limit(3)
                .map(candidate -> "'" + candidate + "'")
                .toList();
        String last = equallyClose.get(equallyClose.size() - 1);
        String choices = equallyClose.size() == 1
                ? last
                : String.join(", ", equallyClose.subList(0, equallyClose.size() - 1)) + " or " + last;
        return " (did you mean " + choices + "?)";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
