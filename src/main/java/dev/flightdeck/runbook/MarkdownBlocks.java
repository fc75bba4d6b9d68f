package dev.flightdeck.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The parts of a Markdown runbook the importer cares about, in document order, each with the line of the
 * original document it starts on. The document is parsed by a CommonMark parser with the GitHub extensions
 * (task lists, tables, YAML front matter), so fences, lists, nesting and HTML follow the spec. Before parsing,
 * three common kinds of damage are repaired and reported: a byte order mark, a fence never closed before the
 * next fence with a language ({@code ```shell} … {@code ```sql}), and tabbed alternatives
 * ({@code === "Docker"}, indented) that CommonMark would read as indented code.
 */
final class MarkdownBlocks {

    sealed interface Block {
        int line();
    }

    record Heading(int level, String text, int line) implements Block {}

    /** A {@code - [ ]}, {@code * [x]} or {@code 1. [ ]} item, as plain text; {@code depth} 0 for a top-level list. */
    record ChecklistItem(String text, int depth, int line) implements Block {}

    /** An item of a list that is not a checklist. */
    record ListEntry(String text, boolean ordered, int depth, int line) implements Block {}

    /** A fenced (or indented) block; {@code line} is the line of its first content line. */
    record CodeBlock(String language, List<String> lines, int line, boolean fenced) implements Block {}

    /** A paragraph (or a table row), as plain text lines. */
    record Prose(String text, int line) implements Block {}

    /** The start of one alternative of a tab set ({@code === "Docker"}, {@code <TabItem label="NixOS">}). */
    record Alternative(String label, int line) implements Block {}

    /** The end of a tab set. */
    record AlternativesEnd(int line) implements Block {}

    record Document(Optional<String> frontMatterTitle, List<Block> blocks) {}

    private static final Pattern FENCE_OPEN = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)[^`]*$");
    private static final Pattern TAB = Pattern.compile("^(?:===|\\?\\?\\?\\+?)\\s+\"([^\"]+)\"\\s*$");
    private static final Pattern TAB_ITEM = Pattern.compile("(?is)<TabItem\\b[^>]*?\\blabel=[\"']([^\"']+)[\"']");
    private static final Pattern TAB_ITEM_VALUE = Pattern.compile("(?is)<TabItem\\b[^>]*?\\bvalue=[\"']([^\"']+)[\"']");
    private static final Pattern TABS_END = Pattern.compile("(?i)</Tabs>");
    private static final Pattern OMIT_IN_TOC =
            Pattern.compile("<!--\\s*omit (?:in|from) toc\\s*-->", Pattern.CASE_INSENSITIVE);

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(
                    TablesExtension.create(), TaskListItemsExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private final List<Block> blocks = new ArrayList<>();
    private final ImportReport report;
    private int[] originalLine = new int[0];
    private boolean nestingReported;
    private int nesting;

    private MarkdownBlocks(ImportReport report) {
        this.report = report;
    }

    static List<Block> parse(String markdown) {
        return read(markdown, new ImportReport()).blocks();
    }

    static Document read(String markdown, ImportReport report) {
        return new MarkdownBlocks(report).document(markdown);
    }

    private Document document(String markdown) {
        String text = markdown;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
            report.note(1, "removed the byte order mark (U+FEFF) before the first line");
        }
        List<String> lines = new ArrayList<>(
                text.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            numbers.add(i + 1);
        }
        closeUnclosedFences(lines, numbers);
        unindentTabs(lines, numbers);
        originalLine = numbers.stream().mapToInt(Integer::intValue).toArray();
        Node root = PARSER.parse(String.join("\n", lines));
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        if (root.getFirstChild() instanceof YamlFrontMatterBlock block) {
            block.accept(frontMatter); // not the whole tree: a visitor recurses once per level of nesting
        }
        Optional<String> title = Optional.ofNullable(frontMatter.getData()).map(Map::entrySet).stream()
                .flatMap(Set::stream)
                .filter(e -> e.getKey().equalsIgnoreCase("title"))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .map(t -> t.replaceAll("^[\"']|[\"']$", "").strip())
                .filter(t -> !t.isEmpty());
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            block(child, 0);
        }
        return new Document(title, List.copyOf(blocks));
    }

    /**
     * A fence opened with a language and never closed before another fence with a language would, by the spec,
     * swallow the next block's opening line and turn the rest of the document inside out. Such a fence is closed
     * where the next one opens.
     */
    private void closeUnclosedFences(List<String> lines, List<Integer> numbers) {
        List<String> outLines = new ArrayList<>(lines.size());
        List<Integer> outNumbers = new ArrayList<>(lines.size());
        String open = null;
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = line.length() < 1000 ? FENCE_OPEN.matcher(line) : null;
            if (fence != null && fence.matches()) {
                String marker = fence.group(2);
                String info = fence.group(3);
                if (open == null) {
                    open = marker;
                    openedAt = numbers.get(i);
                } else if (info.isEmpty() && marker.charAt(0) == open.charAt(0) && marker.length() >= open.length()) {
                    open = null;
                } else if (!info.isEmpty()
                        && marker.charAt(0) == open.charAt(0)
                        && marker.length() >= open.length()
                        && !line.startsWith(" ")) {
                    report.note(
                            numbers.get(i),
                            "the code block opened at line " + openedAt + " is not closed before this ```" + info
                                    + " block; read it as closed here");
                    outLines.add(fence.group(1) + open);
                    outNumbers.add(numbers.get(i));
                    open = marker;
                    openedAt = numbers.get(i);
                }
            }
            outLines.add(line);
            outNumbers.add(numbers.get(i));
        }
        lines.clear();
        lines.addAll(outLines);
        numbers.clear();
        numbers.addAll(outNumbers);
    }

    /** MkDocs tabs ({@code === "Docker"} with the tab's content indented four spaces) become alternative markers. */
    private void unindentTabs(List<String> lines, List<Integer> numbers) {
        List<String> outLines = new ArrayList<>(lines.size());
        List<Integer> outNumbers = new ArrayList<>(lines.size());
        boolean inTab = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = numbers.get(i);
            Matcher tab = line.length() < 1000 ? TAB.matcher(line) : null;
            if (tab != null && tab.matches()) {
                outLines.add("<!-- flightdeck-alternative: " + tab.group(1).replace("--", "- -") + " -->");
                outNumbers.add(number);
                outLines.add("");
                outNumbers.add(number);
                inTab = true;
                continue;
            }
            if (inTab && (line.startsWith("    ") || line.startsWith("\t"))) {
                line = line.startsWith("\t") ? line.substring(1) : line.substring(4);
            } else if (inTab && !line.isBlank()) {
                outLines.add("<!-- flightdeck-alternatives-end -->");
                outNumbers.add(number);
                outLines.add("");
                outNumbers.add(number);
                inTab = false;
            }
            outLines.add(line);
            outNumbers.add(number);
        }
        lines.clear();
        lines.addAll(outLines);
        numbers.clear();
        numbers.addAll(outNumbers);
    }

    /** Beyond this depth of lists and quotes, content is not read (a document made to exhaust the reader's stack). */
    static final int MAX_NESTING = 64;
    /** Longer lines and paragraphs are refused: no procedure has them, and inline parsing is not linear in them. */
    static final int MAX_LINE = 20_000;

    static final int MAX_PARAGRAPH = 40_000;

    /** How many quote and list markers (and 2-space indents) open a line: a bound on the containers it nests in. */
    private static int containerMarkers(String line) {
        int markers = 0;
        int spaces = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean spaceAfter = i + 1 < line.length() && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t');
            if (c == '>') {
                markers++;
            } else if ((c == '-' || c == '*' || c == '+') && spaceAfter) {
                markers++;
            } else if (c == ' ') {
                spaces++;
            } else if (c == '\t') {
                spaces += 4;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < line.length() && Character.isDigit(line.charAt(end))) {
                    end++;
                }
                if (end < line.length() && (line.charAt(end) == '.' || line.charAt(end) == ')')) {
                    markers++;
                    i = end + 1;
                    continue;
                }
                break;
            } else {
                break;
            }
            i++;
        }
        return markers + spaces / 4;
    }

    /** The first line or paragraph over the limits, as a message with its position; empty when the document is fine. */
    static Optional<String> tooLong(String markdown) {
        int lineNumber = 0;
        int paragraph = 0;
        int paragraphStart = 0;
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            lineNumber++;
            if (line.length() > MAX_LINE) {
                return Optional.of(lineNumber + ":1: line " + lineNumber + " is " + line.length()
                        + " characters long; the importer reads lines of up to " + MAX_LINE + " characters");
            }
            int markers = inFence ? 0 : containerMarkers(line);
            if (markers > MAX_NESTING) {
                return Optional.of(lineNumber + ":1: line " + lineNumber + " opens " + markers
                        + " nested quotes or lists; the importer reads up to " + MAX_NESTING + " levels");
            }
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                paragraph = 0;
                continue;
            }
            if (inFence || stripped.isEmpty() || stripped.startsWith("|") || stripped.startsWith("#")) {
                paragraph = 0;
                continue;
            }
            if (paragraph == 0) {
                paragraphStart = lineNumber;
            }
            paragraph += line.length() + 1;
            if (paragraph > MAX_PARAGRAPH) {
                return Optional.of(
                        paragraphStart + ":1: the paragraph starting at line " + paragraphStart + " is longer than "
                                + MAX_PARAGRAPH + " characters; the importer reads paragraphs of up to that");
            }
        }
        return Optional.empty();
    }

    private int lineOf(Node node) {
        if (node.getSourceSpans().isEmpty()) {
            return 0;
        }
        int index = node.getSourceSpans().get(0).getLineIndex();
        return index >= 0 && index < originalLine.length ? originalLine[index] : index + 1;
    }

    private void block(Node node, int depth) {
        nesting++;
        try {
            blockWithin(node, depth);
        } finally {
            nesting--;
        }
    }

    private void blockWithin(Node node, int depth) {
        if (nesting > MAX_NESTING) {
            if (!nestingReported) {
                nestingReported = true;
                report.note(
                        lineOf(node),
                        "lists or quotes nested more than " + MAX_NESTING
                                + " levels deep: the deeper content is left out");
            }
            return;
        }
        if (node instanceof org.commonmark.node.Heading heading) {
            blocks.add(new Heading(heading.getLevel(), MarkdownText.plain(inline(heading)), lineOf(node)));
        } else if (node instanceof FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("[\\s{,]", 2)[0].toLowerCase(Locale.ROOT);
            blocks.add(new CodeBlock(
                    language,
                    code.getLiteral().lines().map(String::stripTrailing).toList(),
                    lineOf(node) + 1,
                    true));
        } else if (node instanceof IndentedCodeBlock code) {
            blocks.add(new CodeBlock(
                    "", code.getLiteral().lines().map(String::stripTrailing).toList(), lineOf(node), false));
        } else if (node instanceof Paragraph) {
            String text = MarkdownText.repairMojibake(inline(node)).strip();
            if (!text.isEmpty()) {
                blocks.add(new Prose(text, lineOf(node)));
            }
        } else if (node instanceof ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                listItem((ListItem) item, list instanceof OrderedList, depth);
            }
        } else if (node instanceof BlockQuote) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                block(child, depth);
            }
        } else if (node instanceof TableBlock) {
            table(node);
        } else if (node instanceof HtmlBlock html) {
            html(html.getLiteral(), lineOf(node));
        } else if (!(node instanceof ThematicBreak)) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                block(child, depth);
            }
        }
    }

    private void listItem(ListItem item, boolean ordered, int depth) {
        Node first = item.getFirstChild();
        boolean task = first instanceof TaskListItemMarker
                || (first instanceof Paragraph && first.getFirstChild() instanceof TaskListItemMarker);
        if (first instanceof TaskListItemMarker) {
            first = first.getNext();
        }
        Node rest = first;
        String text = "";
        if (first instanceof Paragraph) {
            text = MarkdownText.repairMojibake(inline(first)).strip();
            rest = first.getNext();
        }
        int line = lineOf(item);
        if (task) {
            blocks.add(new ChecklistItem(MarkdownText.plain(text), depth, line));
        } else {
            blocks.add(new ListEntry(text, ordered, depth, line));
        }
        for (Node child = rest; child != null; child = child.getNext()) {
            block(child, depth + 1);
        }
    }

    private void table(Node table) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(inline(cell).strip());
                        }
                    }
                    blocks.add(new Prose("| " + String.join(" | ", cells) + " |", lineOf(row)));
                }
            }
        }
    }

    private void html(String literal, int line) {
        Matcher marker =
                Pattern.compile("<!-- flightdeck-alternative: (.*) -->").matcher(literal);
        if (marker.find()) {
            blocks.add(new Alternative(marker.group(1), line));
            return;
        }
        if (literal.contains("<!-- flightdeck-alternatives-end -->")
                || TABS_END.matcher(literal).find()) {
            blocks.add(new AlternativesEnd(line));
            return;
        }
        Matcher tabItem = TAB_ITEM.matcher(literal);
        Matcher tabValue = TAB_ITEM_VALUE.matcher(literal);
        if (tabItem.find()) {
            blocks.add(new Alternative(tabItem.group(1), line));
        } else if (tabValue.find()) {
            blocks.add(new Alternative(tabValue.group(1), line));
        }
    }

    /** The plain text of a node's inline content: code spans keep their text, HTML comments and tags are dropped. */
    static String inline(Node node) {
        StringBuilder out = new StringBuilder();
        appendInline(node, out);
        return OMIT_IN_TOC.matcher(out.toString()).replaceAll("");
    }

    /** Depth-first over the inline nodes with an explicit stack: nesting cannot exhaust the thread's stack. */
    private static void appendInline(Node node, StringBuilder out) {
        Deque<Node> pending = new ArrayDeque<>();
        for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            pending.push(child);
        }
        while (!pending.isEmpty()) {
            Node child = pending.pop();
            if (child instanceof Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append('\n');
            } else if (!(child instanceof HtmlInline) && !(child instanceof TaskListItemMarker)) {
                for (Node inner = child.getLastChild(); inner != null; inner = inner.getPrevious()) {
                    pending.push(inner);
                }
            }
        }
    }
}
