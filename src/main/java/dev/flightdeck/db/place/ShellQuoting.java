package dev.flightdeck.db.place;

import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting: every word that is not plainly safe goes in single quotes. */
public final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

    private ShellQuoting() {}

    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> words) {
        return String.join(" ", words.stream().map(ShellQuoting::quote).toList());
    }
}
