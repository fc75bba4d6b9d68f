package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/runbook.schema.json checked by a real JSON-Schema validator (networknt, draft 2020-12) as editors use it:
 * every built-in and every runbook example in the docs passes it, and it catches as much of the malformed corpus
 * as the schema language can express. The figure is printed.
 */
class RunbookSchemaValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MALFORMED = Path.of("src/test/resources/runbooks/malformed");
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        JsonNode node = JSON.readTree(Path.of("docs/runbook.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    @Test
    void everyBuiltinPassesTheSchema() throws IOException {
        for (String id : BuiltinRunbooks.ids()) {
            try (InputStream in = BuiltinRunbooks.class.getResourceAsStream("/runbooks/" + id + ".runbook.yaml")) {
                assertThat(in).as(id).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(problems(text)).as(id).isEmpty();
            }
        }
    }

    @Test
    void theEveryKindFixturePassesTheSchema() throws IOException {
        assertThat(problems(Files.readString(Path.of("src/test/resources/runbooks/every-kind.runbook.yaml"))))
                .isEmpty();
    }

    @Test
    void everyRunbookExampleInTheDocsPassesTheSchemaAndTheLoader() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            for (Path page :
                    pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher block =
                        Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
                while (block.find()) {
                    String yaml = block.group(1);
                    String runbook = asRunbook(yaml);
                    if (runbook == null) {
                        continue; // inventories and inventory fragments
                    }
                    String where = page + " example at offset " + block.start();
                    assertThat(problems(runbook)).as(where).isEmpty();
                    if (yaml.startsWith("runbook:")) {
                        // fragments may name variables and steps of the runbook around them; whole examples must load
                        assertThat(RunbookLoader.load(runbook, where, "example").errors())
                                .as(where)
                                .isEmpty();
                    }
                    checked.add(where);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theSchemaCatchesMostOfTheMalformedCorpus() throws IOException {
        List<String> caught = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(MALFORMED)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(RunbookLoader.load(text, file.toString(), "malformed").isValid())
                    .as(file + " is malformed for the loader")
                    .isFalse();
            List<String> found = problems(text);
            (found.isEmpty() ? missed : caught).add(file.getFileName().toString());
        }
        System.out.printf(
                "malformed runbooks the schema catches: %d/%d%n  missed (need more than a schema can say): %s%n",
                caught.size(), files.size(), missed);
        assertThat(files).hasSize(34);
        assertThat(caught.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void importedSeedsQuoteOnForYaml11ReadersAndPassTheSchema() throws IOException {
        for (String seed : List.of("000_1de117782fe5c1df.txt", "003_9f92ee8b4d5e13b4.txt")) {
            String yaml = MarkdownImporter.toYaml(
                    String.join("\n", BuiltinSeedDocument.read(seed).lines()), seed);
            assertThat(yaml).as(seed).contains("\"on\":").doesNotContainPattern("(?m)^\\s*on:");
            assertThat(problems(yaml)).as(seed).isEmpty();
        }
    }

    @Test
    void yamlBooleansAreReadAlikeBySchemaAndLoader() throws IOException {
        for (String flag : List.of("yes", "no", "true", "false", "True", "False", "on", "off", "YES", "Off")) {
            String text = """
                    runbook: Flags
                    phases:
                      - id: only
                        steps:
                          - id: check
                            run: uptime
                            "on": local
                            sensitive-output: %s
                    rollback:
                      - confirm: Nothing to undo
                    """.formatted(flag);
            assertThat(problems(text)).as(flag).isEmpty();
            assertThat(RunbookLoader.load(text, "flags.runbook.yaml", "flags").errors())
                    .as(flag)
                    .isEmpty();
        }
        String wrong =
                "runbook: F\nphases: [{id: a, steps: [{id: s, run: x, \"on\": local, sensitive-output: maybe}]}]\nrollback: [{confirm: x}]\n";
        assertThat(problems(wrong)).isNotEmpty();
        assertThat(RunbookLoader.load(wrong, "flags.runbook.yaml", "flags").errors())
                .isNotEmpty();
    }

    /** Whole runbooks as they are; a list of steps or a rollback section inside a minimal runbook; null for the rest. */
    private static String asRunbook(String yaml) {
        if (yaml.startsWith("runbook:")) {
            return yaml;
        }
        if (yaml.startsWith("- ")) {
            return "runbook: Example\nphases:\n  - id: example\n    steps:\n" + yaml.indent(6);
        }
        if (yaml.startsWith("rollback:") || yaml.startsWith("rollback-verification:")) {
            return "runbook: Example\nphases:\n  - id: example\n    steps:\n      - id: notice\n        confirm: Users were notified\n"
                    + yaml;
        }
        return null;
    }

    /** The schema's complaints about a YAML text read as YAML 1.2 (as yaml-language-server does); unparsable YAML is one. */
    private static List<String> problems(String yaml) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (RuntimeException notYaml) {
            return List.of(
                    "not YAML: " + notYaml.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode node = document == null ? JSON.nullNode() : JSON.valueToTree(document);
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
