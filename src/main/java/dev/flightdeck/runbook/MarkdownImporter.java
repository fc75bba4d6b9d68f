package dev.flightdeck.runbook;

import java.util.Optional;

/**
 * Turns a Markdown runbook (like the seed documents, or a team's wiki page) into runbook YAML. The document is
 * parsed as CommonMark with the GitHub extensions; headings become phases, checklist items ({@code - [ ]},
 * {@code * [ ]}, {@code 1. [ ]}) and numbered action lists confirm steps, a shell block one run step in one shell
 * (split only when it is clearly independent commands), a console transcript its commands without the output,
 * {@code ```sql} blocks sql steps, other languages documentation. Rollback sections become the rollback plan,
 * alternatives optional steps. Every guess is in the {@link ImportReport}; every step keeps its
 * {@code source-line}.
 */
public final class MarkdownImporter {

    /** The runbook YAML and the judgements made to write it. */
    public record Result(String yaml, ImportReport report) {}

    private MarkdownImporter() {}

    /** @param sourceName how the runbook names its source ({@code source:}), usually the Markdown file's name */
    public static String toYaml(String markdown, String sourceName) {
        return importMarkdown(markdown, sourceName).yaml();
    }

    /**
     * {@code LINE:COLUMN: message} for a line or paragraph longer than the importer reads (no procedure has one, and
     * inline Markdown is not parsed in linear time), or empty.
     */
    public static Optional<String> tooLong(String markdown) {
        return MarkdownBlocks.tooLong(markdown);
    }

    public static Result importMarkdown(String markdown, String sourceName) {
        ImportReport report = new ImportReport();
        MarkdownBlocks.Document document = MarkdownBlocks.read(markdown, report);
        MarkdownRunbookBuilder builder = new MarkdownRunbookBuilder(sourceName, report);
        builder.frontMatterTitle(document.frontMatterTitle());
        document.blocks().forEach(builder::add);
        return new Result(RunbookYamlWriter.write(builder.build()), report);
    }
}
