package dev.flightdeck.journal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Masks secrets in text before it is journaled or shown: every value the session knows (passwords, passphrases,
 * tokens; also their Base64 and URL-encoded forms) and common secret shapes ({@code PGPASSWORD=}, {@code password=},
 * URL credentials, PEM blocks, {@code Authorization:} headers, bearer tokens). Build one per session with its known
 * secrets; {@link #close()} wipes them. Thread-safe after construction.
 */
public final class Redactor implements AutoCloseable {

    private final List<char[]> forms = new ArrayList<>();
    private final int longestForm;

    private Redactor(List<char[]> secrets) {
        for (char[] secret : secrets) {
            if (secret != null && secret.length > 0) {
                forms.addAll(SecretForms.of(secret));
            }
        }
        longestForm = forms.stream().mapToInt(form -> form.length).max().orElse(0);
    }

    /** The session's known secret values; they are copied, the caller may wipe its arrays. */
    public static Redactor forSecrets(List<char[]> knownSecrets) {
        return new Redactor(knownSecrets);
    }

    /** Pattern-based masking only (no known values), e.g. for a reviewer's tools. */
    public static Redactor patternsOnly() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return SecretPatterns.mask(maskKnownValues(text, 0, text.length()));
    }

    /**
     * Redacts {@code text[from, to)} while looking for known secrets in all of {@code text}: a secret that crosses
     * the cut is masked up to the cut instead of leaving its first or last characters in the clear.
     */
    String redactRange(String text, int from, int to) {
        return SecretPatterns.mask(maskKnownValues(text, from, to));
    }

    /** The longest secret form: output bounding keeps this much extra so a secret is never cut in half unmasked. */
    int longestForm() {
        return longestForm;
    }

    /** Starts capturing one step's output stream (bounded, or size and hash only when it may hold PHI). */
    public OutputCapture capture(OutputLimits limits, boolean sensitiveOutput) {
        return new OutputCapture(this, limits, sensitiveOutput);
    }

    private String maskKnownValues(String text, int from, int to) {
        if (forms.isEmpty()) {
            return text.substring(from, to);
        }
        char[] chars = text.toCharArray();
        BitSet secret = new BitSet(chars.length);
        for (char[] form : forms) {
            markOccurrences(chars, form, secret);
        }
        StringBuilder masked = new StringBuilder(to - from);
        int position = from;
        while (position < to) {
            int start = secret.nextSetBit(position);
            if (start < 0 || start >= to) {
                masked.append(chars, position, to - position);
                break;
            }
            masked.append(chars, position, start - position).append(SecretPatterns.MASK);
            position = secret.nextClearBit(start);
        }
        Arrays.fill(chars, '\0');
        return masked.toString();
    }

    private static void markOccurrences(char[] text, char[] form, BitSet secret) {
        int last = text.length - form.length;
        for (int start = 0; start <= last; start++) {
            if (text[start] == form[0] && regionMatches(text, start, form)) {
                secret.set(start, start + form.length);
            }
        }
    }

    private static boolean regionMatches(char[] text, int start, char[] form) {
        for (int i = 1; i < form.length; i++) {
            if (text[start + i] != form[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        forms.forEach(form -> Arrays.fill(form, '\0'));
        forms.clear();
    }
}
