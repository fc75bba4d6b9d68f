package dev.flightdeck.runbook;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Readable ids made from titles ({@code "1. Full backup"} → {@code 1-full-backup}), unique within one namespace. */
final class SlugIds {

    private static final int MAX_LENGTH = 40;

    private final Set<String> used = new HashSet<>();
    /** The next number to try per base, so a thousand steps with one title take linear time. */
    private final Map<String, Integer> nextNumber = new HashMap<>();

    private final String fallback;

    SlugIds(String fallback) {
        this.fallback = fallback;
    }

    String next(String text) {
        String base = slug(text);
        if (base.isEmpty()) {
            base = fallback;
        }
        String id = base;
        int n = nextNumber.getOrDefault(base, 2);
        while (!used.add(id)) {
            id = base + "-" + n;
            n++;
        }
        nextNumber.put(base, n);
        return id;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_LENGTH);
        int lastDash = cut.lastIndexOf('-');
        return (lastDash > MAX_LENGTH / 2 ? cut.substring(0, lastDash) : cut).replaceAll("-+$", "");
    }
}
