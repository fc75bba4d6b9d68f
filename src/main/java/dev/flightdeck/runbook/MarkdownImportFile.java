package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.yaml.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Markdown procedure file turned into a runbook the way both front ends do it ({@code runbook import-md} and the
 * console's Open on a {@code .md}): read as UTF-8 within the size limits, imported, and checked by the loader, so the
 * person reviews the importer's judgements next to a runbook that is known to load.
 */
public final class MarkdownImportFile {

    /** The most a generated runbook may be: the loader's own limit for a runbook file. */
    private static final int MAX_YAML_CHARS = 4 * 1024 * 1024;

    /** What importing one file gave. */
    public sealed interface Outcome {}

    /**
     * The document imported: the runbook's text, the runbook it loads to, and every judgement the importer made.
     *
     * @param source the Markdown file
     */
    public record Imported(Path source, String yaml, Runbook runbook, ImportReport report) implements Outcome {

        /** One line for the person: what the import holds and how much there is to review. */
        public String summary() {
            return String.format(
                    "%d phases, %d steps, %d rollback steps, %d rollback triggers; %d judgements to review",
                    runbook.phases().size(),
                    runbook.stepCount(),
                    runbook.rollback().size(),
                    runbook.rollbackTriggers().size(),
                    report.judgements().size());
        }

        /** Where the runbook goes unless the person says otherwise: beside the document, {@code NAME.runbook.yaml}. */
        public Path suggestedFile() {
            String name = source.getFileName().toString().replaceFirst("(?i)\\.(md|markdown)$", "");
            return source.resolveSibling(name + RunbookLoader.FILE_SUFFIX);
        }
    }

    /**
     * The file could not be imported; {@code problems} say where ({@code file:line:column: message}).
     *
     * @param importerDefect true when the document was read but the importer made a runbook that does not load
     */
    public record Refused(List<String> problems, boolean importerDefect) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    private MarkdownImportFile() {}

    /** Whether a file is a Markdown document to import rather than a runbook to open. */
    public static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** Imports {@code markdown}; an unreadable path is an {@link IOException}, a bad document a {@link Refused}. */
    public static Outcome read(Path markdown) throws IOException {
        String text;
        try {
            text = TextFiles.readUtf8(markdown);
        } catch (TextFiles.BadEncodingException e) {
            return new Refused(List.of(markdown + ":" + e.position() + ": " + e.getMessage()), false);
        }
        Optional<String> tooLong = MarkdownImporter.tooLong(text);
        if (tooLong.isPresent()) {
            return new Refused(List.of(markdown + ":" + tooLong.get()), false);
        }
        MarkdownImporter.Result imported =
                MarkdownImporter.importMarkdown(text, markdown.getFileName().toString());
        if (imported.yaml().length() > MAX_YAML_CHARS) {
            return new Refused(
                    List.of(markdown + ": the runbook it makes would be "
                            + imported.yaml().length() / 1024
                            + " KB, more than the 4 MB a runbook file may have; import the document in parts"),
                    false);
        }
        Parsed<Runbook> check = RunbookLoader.load(imported.yaml(), "(imported)", "imported");
        if (!check.isValid()) {
            return new Refused(check.errors().stream().map(Problem::format).toList(), true);
        }
        return new Imported(markdown, imported.yaml(), check.value().orElseThrow(), imported.report());
    }

    /** Writes the imported runbook; never over an existing file (the person chose a new name or said to replace it). */
    public static void save(Imported imported, Path target, boolean replace) throws IOException {
        if (Files.exists(target) && !replace) {
            throw new IOException(target + " already exists; choose another name or replace it");
        }
        // written beside the target and moved into place: a crash never leaves half a runbook under its name
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, imported.yaml(), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
