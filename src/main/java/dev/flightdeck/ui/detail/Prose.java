package dev.flightdeck.ui.detail;

import java.util.ArrayList;
import java.util.List;

/**
 * Reflows text written in a YAML block scalar: lines of one paragraph join into one, so the pane wraps them
 * to its width; blank lines separate paragraphs; list items ("- ", "* ", "1. ") keep their own lines.
 */
final class Prose {

    private Prose() {}

    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.strip().split("\n", -1)) {
            String line = raw.strip();
            boolean listItem = line.matches("^([-*•]|\\d+[.)])\\s+.*");
            if (line.isEmpty() || listItem) {
                flush(current, paragraphs);
            }
            if (!line.isEmpty()) {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line);
            }
            if (listItem) {
                // a list item may continue on the next line, but a new item starts its own paragraph
                continue;
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /** Markdown's inline marks (`code`, **bold**) are for the file's reader, not the operator's screen. */
    static String plain(String text) {
        return text.replaceAll("\\*\\*([^*]+)\\*\\*", "$1").replace("`", "");
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(plain(current.toString()));
            current.setLength(0);
        }
    }
}
