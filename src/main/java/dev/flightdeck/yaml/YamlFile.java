package dev.flightdeck.yaml;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML text into position-aware nodes; syntax errors become problems, never exceptions. */
public final class YamlFile {

    private static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private YamlFile() {}

    /** The file as UTF-8 text; {@link TextFiles.BadEncodingException} says where it is not, or that it is too large. */
    public static String read(Path file) throws IOException {
        return TextFiles.readUtf8(file);
    }

    /** The document's root node, or empty when the text is not valid YAML (the problem is recorded). */
    public static Optional<YamlNode> parse(String text, Problems problems) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            problems.error(
                    new Position(1, 1),
                    "the file has " + text.length() + " characters, more than the limit of " + MAX_DOCUMENT_CHARS
                            + " for a runbook or an inventory");
            return Optional.empty();
        }
        Optional<Problem> control = TextFiles.firstControlCharacter(problems.file(), text);
        if (control.isPresent()) {
            problems.error(control.get().position(), control.get().message());
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setAllowDuplicateKeys(true) // reported by MappingReader with both positions instead
                .setCodePointLimit(MAX_DOCUMENT_CHARS)
                .setMaxAliasesForCollections(50)
                // the whole text is in memory already; a small buffer makes a long scalar quadratic (2 MB: 8 s instead
                // of 30 ms)
                .setBufferSize(Math.max(1024, text.length() + 1))
                .build();
        try {
            Composer composer = new Composer(
                    settings, new GuardedParser(new ParserImpl(settings, new StreamReader(settings, text))));
            if (!composer.hasNext()) {
                problems.error(new Position(1, 1), "the file is empty");
                return Optional.empty();
            }
            Node rootNode = composer.next();
            Optional<String> expansion = AliasExpansion.check(rootNode);
            if (expansion.isPresent()) {
                problems.error(new YamlNode(rootNode).position(), expansion.get());
                return Optional.empty();
            }
            YamlNode root = new YamlNode(rootNode);
            if (composer.hasNext()) {
                problems.error(new YamlNode(composer.next()).position(), "only one YAML document is allowed in a file");
            }
            return Optional.of(root);
        } catch (GuardedParser.Refused e) {
            problems.error(e.position, e.getMessage());
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(YamlNode::toPosition)
                    .orElse(new Position(1, 1));
            problems.error(at, "YAML syntax error: " + syntaxMessage(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.error(new Position(1, 1), "YAML error: " + e.getMessage());
            return Optional.empty();
        } catch (StackOverflowError e) {
            problems.error(new Position(1, 1), "the file is nested too deeply to read");
            return Optional.empty();
        }
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        return context + problem;
    }
}
