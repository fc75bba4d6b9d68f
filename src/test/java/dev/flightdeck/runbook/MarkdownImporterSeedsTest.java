package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Importing each seed document yields a runbook that validates and keeps every checklist item and command. */
class MarkdownImporterSeedsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "importing {0} yields a valid runbook with every item and command")
    @ValueSource(
            strings = {
                "000_1de117782fe5c1df.txt",
                "001_3b4675eba115f276.txt",
                "002_b05bdab73f44703a.txt",
                "003_9f92ee8b4d5e13b4.txt",
                "004_d3ad0a4ffdeb1de6.txt"
            })
    void importedSeedValidatesAndKeepsItsItemsAndCommands(String seed) throws Exception {
        BuiltinSeedDocument document = BuiltinSeedDocument.read(seed);
        String markdown = String.join("\n", document.lines());
        Parsed<Runbook> parsed =
                RunbookLoader.load(MarkdownImporter.toYaml(markdown, seed), "imported:" + seed, "imported");
        assertThat(parsed.errors()).as("errors importing %s", seed).isEmpty();
        assertThat(parsed.problems())
                .filteredOn(problem -> !problem.isError())
                .extracting(Problem::message)
                .allMatch(
                        message -> message.startsWith("no collector measures")
                                || message.startsWith("the runbook has no rollback plan"),
                        "only unknown-signal and missing-rollback warnings");
        Runbook runbook = parsed.value().orElseThrow();
        List<Step> steps = RunbookValidator.allSteps(runbook);

        Map<String, Long> confirms = steps.stream()
                .filter(step -> step.action() instanceof StepAction.Confirm)
                .map(step -> ((StepAction.Confirm) step.action()).text())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        document.checklistItems().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .forEach((item, times) -> assertThat(confirms.getOrDefault(item, 0L))
                        .as("confirm steps for '%s'", item)
                        .isGreaterThanOrEqualTo(times));

        String commands = steps.stream()
                .filter(step -> step.action() instanceof StepAction.Run)
                .map(step -> unescaped(((StepAction.Run) step.action()).command()))
                .collect(Collectors.joining("\n"));
        List<String> lines = document.blocks("bash").stream()
                .flatMap(block -> BuiltinSeedDocument.commandLines(block).stream())
                .toList();
        assertThat(lines)
                .allMatch(
                        line -> BuiltinSeedDocument.collapse(commands).contains(line),
                        "every bash command line is in a run step");
        long statements = document.blocks("sql").stream()
                .mapToLong(block -> BuiltinSeedDocument.statements(block).size())
                .sum();
        assertThat(steps.stream().filter(step -> step.kind() == StepKind.SQL).count())
                .isEqualTo(statements);

        System.out.printf(
                "import %s: %d phases, %d steps, %d rollback steps, %d triggers; %d checklist items, %d bash lines, %d sql statements%n",
                seed,
                runbook.phases().size(),
                runbook.stepCount(),
                runbook.rollback().size(),
                runbook.rollbackTriggers().size(),
                document.checklistItems().size(),
                lines.size(),
                statements);
    }

    @ParameterizedTest(name = "runbook import-md {0} -o writes a file that runbook validate accepts")
    @ValueSource(strings = {"003_9f92ee8b4d5e13b4.txt"})
    void theCliWritesAnImportThatValidates(String seed) throws Exception {
        Path markdown = temp.resolve("cutover.md");
        Files.write(markdown, BuiltinSeedDocument.read(seed).lines());
        Path output = temp.resolve("cutover.runbook.yaml");
        StringWriter out = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(temp), Map.of());
        int exit = Cli.commandLine(context, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("runbook", "import-md", markdown.toString(), "-o", output.toString());
        assertThat(exit).isEqualTo(Cli.OK);
        assertThat(out.toString()).startsWith("wrote " + output + ": ");
        StringWriter validation = new StringWriter();
        int valid = Cli.commandLine(
                        context, new PrintWriter(validation, true), new PrintWriter(new StringWriter(), true))
                .execute("runbook", "validate", output.toString());
        assertThat(valid).as(validation.toString()).isEqualTo(Cli.OK);
        assertThat(validation.toString()).endsWith("valid" + System.lineSeparator());
    }

    private static String unescaped(String text) {
        try {
            return Placeholders.substitute(text, name -> Optional.of("${" + name + "}"));
        } catch (Placeholders.UnclosedReferenceException | Placeholders.UnresolvedReferenceException e) {
            throw new AssertionError(e);
        }
    }
}
