package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed document as the coverage tests read it, independently of the importer: its checklist items and
 * its fenced code blocks. Seeds live in {@code ../shared/seeds/} beside the project (as CI clones them).
 */
record BuiltinSeedDocument(String fileName, List<String> lines) {

    static final Path SEEDS = Path.of("..", "shared", "seeds");

    private static final Pattern CHECKBOX = Pattern.compile("^\\s*[-*] \\[ \\] (.+)$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");

    /** A fenced block: its language and its lines with the fence's indentation removed. */
    record Block(String language, int line, List<String> lines) {}

    static BuiltinSeedDocument read(String fileName) {
        Path file = SEEDS.resolve(fileName);
        assertThat(Files.isRegularFile(file))
                .as(
                        "seed document %s not found (looked in %s): the tests need the shared/ folder beside the project root",
                        fileName, SEEDS.toAbsolutePath().normalize())
                .isTrue();
        try {
            return new BuiltinSeedDocument(fileName, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code - [ ]} items outside code blocks, as plain text, in document order (repeats kept). */
    List<String> checklistItems() {
        List<String> items = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            } else if (!inFence) {
                Matcher item = CHECKBOX.matcher(line);
                if (item.matches()) {
                    items.add(MarkdownText.plain(item.group(1)));
                }
            }
        }
        return items;
    }

    List<Block> blocks(String language) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            List<String> body = new ArrayList<>();
            int start = i + 1;
            for (i = start; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
                String line = lines.get(i);
                body.add(
                        line.length() >= indent && line.substring(0, indent).isBlank()
                                ? line.substring(indent)
                                : line.strip());
            }
            if (open.group(2).equals(language)) {
                blocks.add(new Block(language, start, body));
            }
        }
        return blocks;
    }

    /** Shell lines that do something: not blank, not a comment; a trailing comment is dropped. */
    static List<String> commandLines(Block block) {
        return block.lines().stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.replaceFirst("\\s+#.*$", ""))
                .map(BuiltinSeedDocument::collapse)
                .toList();
    }

    /** SQL statements of a block, comment lines removed, one per semicolon. */
    static List<String> statements(Block block) {
        String code = String.join(
                "\n",
                block.lines().stream()
                        .filter(line -> !line.strip().startsWith("--"))
                        .toList());
        List<String> statements = new ArrayList<>();
        for (String statement : code.split(";")) {
            if (!statement.isBlank()) {
                statements.add(collapse(statement) + ";");
            }
        }
        return statements;
    }

    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
