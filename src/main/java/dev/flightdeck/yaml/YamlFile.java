package dev.flightdeck.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML text into position-aware nodes; syntax errors become problems, never exceptions. */
public final class YamlFile {

    private static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private YamlFile() {
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The document's root node, or empty when the text is not valid YAML (the problem is recorded). */
    public static Optional<YamlNode> parse(String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setAllowDuplicateKeys(true) // reported by MappingReader with both positions instead
                .setCodePointLimit(MAX_DOCUMENT_CHARS)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            if (!composer.hasNext()) {
                problems.error(new Position(1, 1), "the file is empty");
                return Optional.empty();
            }
            YamlNode root = new YamlNode(composer.next());
            if (composer.hasNext()) {
                problems.error(new YamlNode(composer.next()).position(), "only one YAML document is allowed in a file");
            }
            return Optional.of(root);
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().or(e::getContextMark).map(YamlNode::toPosition).orElse(new Position(1, 1));
            problems.error(at, "YAML syntax error: " + syntaxMessage(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.error(new Position(1, 1), "YAML error: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        return context + problem;
    }
}
