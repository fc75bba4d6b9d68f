package dev.flightdeck.journal.crypto;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a passphrase protecting a new journal or a new signing key must be, whatever it came from (a file,
 * {@code $FLIGHTDECK_PASSPHRASE}, a prompt, the console): documented rules rather than a guess at entropy.
 * <ul>
 *   <li>at least {@value #MINIMUM_LENGTH} characters (four common words with spaces are enough);</li>
 *   <li>at least {@value #MINIMUM_DISTINCT} different characters ({@code aaaaaaaaaaaa} is not twelve characters of secret);</li>
 *   <li>not mostly a run along the alphabet, the digits or a keyboard row ({@code 123456789012}, {@code qwertyuiopas});</li>
 *   <li>not one of the passwords every guesser tries first, with or without digits after it.</li>
 * </ul>
 * An existing journal or key opens with the passphrase it was made with: the policy applies only to new ones.
 */
public final class PassphrasePolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MINIMUM_DISTINCT = 6;

    private static final String[] ROWS = {
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop"
    };
    private static final Set<String> COMMON = Set.of(
            "password",
            "passphrase",
            "letmein",
            "welcome",
            "iloveyou",
            "admin",
            "qwerty",
            "monkey",
            "dragon",
            "football",
            "baseball",
            "sunshine",
            "princess",
            "trustno1",
            "changeme",
            "secret",
            "flightdeck",
            "administrator",
            "passw0rd",
            "p@ssw0rd",
            "p@ssword");

    private PassphrasePolicy() {}

    /** Why the passphrase is too weak for a new journal or key, in words for the operator; empty when it will do. */
    public static Optional<String> weakness(char[] passphrase) {
        String text = new String(passphrase);
        if (text.isBlank()) {
            return Optional.of("the passphrase is empty");
        }
        if (text.length() < MINIMUM_LENGTH) {
            return Optional.of("the passphrase has " + text.length() + " characters; use at least " + MINIMUM_LENGTH
                    + " (four ordinary words with spaces are a good passphrase)");
        }
        if (text.chars().distinct().count() < MINIMUM_DISTINCT) {
            return Optional.of("the passphrase repeats too few different characters; use at least " + MINIMUM_DISTINCT
                    + " different ones");
        }
        if (mostlySequence(text.toLowerCase(Locale.ROOT))) {
            return Optional.of(
                    "the passphrase is mostly a run along the alphabet, the digits or a keyboard row; guessers try those first");
        }
        String core = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z@0]+$", "")
                .replaceAll("[0-9!.?#*_-]+$", "")
                .strip();
        if (COMMON.contains(core)
                || COMMON.contains(text.toLowerCase(Locale.ROOT).replaceAll("[0-9!.?#*_ -]", ""))) {
            return Optional.of("the passphrase is a common password with a little added; guessers try those first");
        }
        return Optional.empty();
    }

    /** Steps along a row (either way) for most of the text. */
    private static boolean mostlySequence(String text) {
        int steps = 0;
        for (int i = 1; i < text.length(); i++) {
            if (adjacent(text.charAt(i - 1), text.charAt(i))) {
                steps++;
            }
        }
        return steps >= (text.length() - 1) * 0.7;
    }

    private static boolean adjacent(char a, char b) {
        for (String row : ROWS) {
            int i = row.indexOf(a);
            int j = row.indexOf(b);
            if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) {
                return true;
            }
        }
        return a == b;
    }
}
