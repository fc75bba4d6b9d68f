package dev.flightdeck.ssh.config;

import java.util.ArrayList;
import java.util.List;

/** Splits one ssh_config line into words: {@code Key value}, {@code Key=value}, double quotes, {@code #} comments. */
final class ConfigWords {

    private ConfigWords() {
    }

    static List<String> split(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean keywordDone = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean separator = !quoted && (Character.isWhitespace(c) || (c == '=' && !keywordDone));
            if (c == '"') {
                quoted = !quoted;
            } else if (separator) {
                keywordDone |= flush(word, words);
            } else if (c == '#' && !quoted && word.length() == 0) {
                break;
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    private static boolean flush(StringBuilder word, List<String> words) {
        if (word.length() == 0) {
            return !words.isEmpty();
        }
        words.add(word.toString());
        word.setLength(0);
        return true;
    }
}
