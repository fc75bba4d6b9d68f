package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a shell or SQL block into steps: a blank line or a comment ends a command, and the comment lines
 * before a command are its title (first) and description (rest). Comments followed by no command are things
 * a person does ({@code # 3. Schedule the window, notify users}), one per comment line; lines that continue an
 * item ({@code # - detail}, {@code # ... more}) become its description.
 */
final class CodeSplitter {

    sealed interface Piece {
    }

    record Command(String title, String description, String code) implements Piece {
    }

    record Manual(String text, String description) implements Piece {
    }

    private final String commentPrefix;
    private final List<Piece> pieces = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<String> code = new ArrayList<>();

    private CodeSplitter(String commentPrefix) {
        this.commentPrefix = commentPrefix;
    }

    static List<Piece> shell(List<String> lines) {
        return new CodeSplitter("#").split(lines);
    }

    static List<Piece> sql(List<String> lines) {
        return new CodeSplitter("--").split(lines);
    }

    private List<Piece> split(List<String> lines) {
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                flush();
            } else if (stripped.startsWith(commentPrefix)) {
                if (!code.isEmpty()) {
                    flush();
                }
                comments.add(MarkdownText.plain(stripped.substring(commentPrefix.length())));
            } else {
                code.add(line);
            }
        }
        flush();
        return pieces;
    }

    private void flush() {
        if (!code.isEmpty()) {
            String title = comments.isEmpty() ? "" : comments.get(0);
            String description = comments.size() > 1 ? String.join("\n", comments.subList(1, comments.size())) : "";
            pieces.add(new Command(title, description, withoutCommonIndent(code)));
        } else {
            addManualItems();
        }
        comments.clear();
        code.clear();
    }

    private void addManualItems() {
        String text = null;
        List<String> details = new ArrayList<>();
        for (String comment : comments) {
            if (comment.isEmpty()) {
                continue;
            }
            boolean continuation = comment.startsWith("-") || comment.startsWith("*") || comment.startsWith("...");
            if (continuation && text != null) {
                details.add(comment);
                continue;
            }
            if (text != null) {
                pieces.add(new Manual(text, String.join("\n", details)));
            }
            text = comment;
            details = new ArrayList<>();
        }
        if (text != null) {
            pieces.add(new Manual(text, String.join("\n", details)));
        }
    }

    private static String withoutCommonIndent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList());
    }
}
