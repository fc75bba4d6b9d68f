package dev.flightdeck.ssh.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one ssh_config line into words as OpenSSH does: the keyword, then whitespace and at most one {@code =}
 * ({@code Key value}, {@code Key=value}, {@code Key = value}), then arguments separated by whitespace, with double
 * quotes keeping spaces and {@code #} starting a comment where a word would start.
 */
final class ConfigWords {

    private ConfigWords() {}

    static List<String> split(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        int i = 0;
        while (i < trimmed.length() && !Character.isWhitespace(trimmed.charAt(i)) && trimmed.charAt(i) != '=') {
            i++;
        }
        List<String> words = new ArrayList<>();
        words.add(trimmed.substring(0, i));
        i = skipWhitespace(trimmed, i);
        if (i < trimmed.length() && trimmed.charAt(i) == '=') {
            i = skipWhitespace(trimmed, i + 1);
        }
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !quoted && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
