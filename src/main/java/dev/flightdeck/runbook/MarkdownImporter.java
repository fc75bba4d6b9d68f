package dev.flightdeck.runbook;

/**
 * Turns a Markdown runbook (like the seed documents) into runbook YAML: headings become phases,
 * {@code - [ ]} items confirm steps, {@code ```bash} blocks run steps (cut at comments and blank lines; the
 * target is the variable {@code target} to bind), {@code ```sql} blocks sql steps on the variable
 * {@code database}, prose and other code (TypeScript, Mermaid) the descriptions. A heading whose prose lists
 * things to do but has no checklist or code becomes one confirm step; one with nothing to do is folded into
 * the description of the phase after it. The result validates, with a warning that it has no rollback plan:
 * the document's rollback is for a person to wire in.
 */
public final class MarkdownImporter {

    private MarkdownImporter() {
    }

    /** @param sourceName how the runbook names its source ({@code source:}), usually the Markdown file's name */
    public static String toYaml(String markdown, String sourceName) {
        MarkdownRunbookBuilder builder = new MarkdownRunbookBuilder(sourceName);
        MarkdownBlocks.parse(markdown).forEach(builder::add);
        return RunbookYamlWriter.write(builder.build());
    }
}
