package dev.flightdeck.runbook;

/**
 * Turns a Markdown runbook (like the seed documents) into runbook YAML: headings become phases,
 * {@code - [ ]} items confirm steps, {@code ```bash} blocks run steps (target left as a variable to bind),
 * {@code ```sql} blocks sql steps, prose the descriptions.
 */
public final class MarkdownImporter {

    private MarkdownImporter() {
    }

    /** IN PROGRESS (seeds helper): the importer is being written on its own branch this session. */
    public static String toYaml(String markdown, String sourceName) {
        throw new UnsupportedOperationException("import-md is not implemented yet");
    }
}
