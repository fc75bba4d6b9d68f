package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown runbook the importer cares about, in document order. Only what the seeds use is
 * recognised: ATX headings, {@code - [ ]} items, fenced code blocks (also indented under a list item) and
 * everything else as prose lines.
 */
final class MarkdownBlocks {

    sealed interface Block {
    }

    record Heading(int level, String text) implements Block {
    }

    /** A {@code - [ ]} or {@code - [x]} item, as plain text. */
    record ChecklistItem(String text) implements Block {
    }

    /** A fenced block; its lines have the fence's indentation removed. */
    record CodeBlock(String language, List<String> lines) implements Block {
    }

    /** One line of prose (paragraph line, list item, table row); a blank line is an empty prose line. */
    record Prose(String text) implements Block {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*[-*+] \\[[ xX]\\]\\s+(.+)$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([\\w+#.-]*).*$");

    private MarkdownBlocks() {
    }

    static List<Block> parse(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                i = readCodeBlock(lines, i, fence, blocks);
                continue;
            }
            blocks.add(lineBlock(line));
            i++;
        }
        return blocks;
    }

    private static Block lineBlock(String line) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            return new Heading(heading.group(1).length(), MarkdownText.plain(heading.group(2)));
        }
        Matcher checkbox = CHECKBOX.matcher(line);
        if (checkbox.matches()) {
            return new ChecklistItem(MarkdownText.plain(checkbox.group(1)));
        }
        return new Prose(MarkdownText.repairMojibake(line.stripTrailing()));
    }

    /** @return the index after the closing fence (or the end of the text when the block is never closed) */
    private static int readCodeBlock(List<String> lines, int open, Matcher fence, List<Block> blocks) {
        int indent = fence.group(1).length();
        String marker = fence.group(2);
        List<String> body = new ArrayList<>();
        int i = open + 1;
        while (i < lines.size() && !isClosing(lines.get(i), marker)) {
            body.add(unindent(lines.get(i), indent).stripTrailing());
            i++;
        }
        blocks.add(new CodeBlock(fence.group(3).toLowerCase(Locale.ROOT), body));
        return Math.min(i + 1, lines.size());
    }

    private static boolean isClosing(String line, String marker) {
        String stripped = line.strip();
        return stripped.startsWith(marker) && stripped.chars().allMatch(c -> c == marker.charAt(0));
    }

    private static String unindent(String line, int indent) {
        int remove = 0;
        while (remove < indent && remove < line.length() && line.charAt(remove) == ' ') {
            remove++;
        }
        return line.substring(remove);
    }
}
