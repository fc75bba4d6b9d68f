package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each built-in covers its seed document: every {@code - [ ]} item is a confirm step with the item's text
 * (as often as the document repeats it), every command line of every {@code ```bash} block and every
 * statement of every {@code ```sql} block appears in a step (in its command after binding the runbook's
 * default variable values, or in its description where the step does the same thing the Flightdeck way),
 * and every such block has a step of its own.
 */
class BuiltinSeedCoverageTest {

    private static final Set<StepKind> ACTING_KINDS = Set.of(
            StepKind.RUN,
            StepKind.SQL,
            StepKind.HTTP,
            StepKind.BACKUP,
            StepKind.SNAPSHOT,
            StepKind.RESTORE,
            StepKind.VERIFY_DATA,
            StepKind.PREFLIGHT);

    @ParameterizedTest(name = "{0} covers every checklist item of {1}")
    @CsvSource({
        "system-upgrade, 000_1de117782fe5c1df.txt",
        "production-update, 001_3b4675eba115f276.txt",
        "maintenance-procedures, 002_b05bdab73f44703a.txt",
        "hms-cutover, 003_9f92ee8b4d5e13b4.txt",
        "hipaa-migration-rollback, 004_d3ad0a4ffdeb1de6.txt"
    })
    void everyChecklistItemIsAConfirmStepWithItsText(String id, String seed) {
        Runbook runbook = BuiltinRunbooksTest.load(id);
        List<String> items = BuiltinSeedDocument.read(seed).checklistItems();
        Map<String, Long> confirms = allSteps(runbook).stream()
                .filter(step -> step.action() instanceof StepAction.Confirm)
                .map(step -> MarkdownText.plain(((StepAction.Confirm) step.action()).text()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> wanted =
                items.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> missing = new ArrayList<>();
        wanted.forEach((text, times) -> {
            if (confirms.getOrDefault(text, 0L) < times) {
                missing.add(text + " (x" + times + ")");
            }
        });
        System.out.printf(
                "coverage %s: %d checklist items in %s, %d confirm steps, %d items missing%n",
                id,
                items.size(),
                seed,
                confirms.values().stream().mapToLong(Long::longValue).sum(),
                missing.size());
        assertThat(missing)
                .as("checklist items of %s without a confirm step in %s", seed, id)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} covers every bash and sql block of {1}")
    @CsvSource({
        "system-upgrade, 000_1de117782fe5c1df.txt",
        "production-update, 001_3b4675eba115f276.txt",
        "maintenance-procedures, 002_b05bdab73f44703a.txt",
        "hms-cutover, 003_9f92ee8b4d5e13b4.txt",
        "hipaa-migration-rollback, 004_d3ad0a4ffdeb1de6.txt"
    })
    void everyCommandAndStatementHasAStep(String id, String seed) {
        Runbook runbook = BuiltinRunbooksTest.load(id);
        BuiltinSeedDocument document = BuiltinSeedDocument.read(seed);
        List<Step> acting = allSteps(runbook).stream()
                .filter(step -> ACTING_KINDS.contains(step.kind()))
                .toList();
        List<String> uncovered = new ArrayList<>();
        Set<Step> coveringSteps = new LinkedHashSet<>();
        int blocksWithCode = 0;
        int codeLines = 0;
        List<BuiltinSeedDocument.Block> blocks = new ArrayList<>(document.blocks("bash"));
        blocks.addAll(document.blocks("sql"));
        for (BuiltinSeedDocument.Block block : blocks) {
            List<String> code = block.language().equals("sql")
                    ? BuiltinSeedDocument.statements(block)
                    : BuiltinSeedDocument.commandLines(block);
            blocksWithCode += code.isEmpty() ? 0 : 1;
            codeLines += code.size();
            Set<Step> coveringThisBlock = new LinkedHashSet<>();
            for (String line : code) {
                List<Step> covering = acting.stream()
                        .filter(step -> mentions(step, line, runbook))
                        .toList();
                if (covering.isEmpty()) {
                    uncovered.add(seed + ":" + block.line() + " " + line);
                }
                coveringThisBlock.addAll(covering);
            }
            if (!code.isEmpty() && coveringThisBlock.isEmpty()) {
                uncovered.add(seed + ":" + block.line() + " (the whole " + block.language() + " block)");
            }
            coveringSteps.addAll(coveringThisBlock);
        }
        System.out.printf(
                "coverage %s: %d bash/sql blocks with code (%d without), %d command lines and statements, "
                        + "%d covered by %d acting steps (of %d in the runbook and its rollback)%n",
                id,
                blocksWithCode,
                blocks.size() - blocksWithCode,
                codeLines,
                codeLines - uncovered.size(),
                coveringSteps.size(),
                acting.size());
        assertThat(uncovered)
                .as("commands and statements of %s that no step of %s carries", seed, id)
                .isEmpty();
        assertThat(acting.size())
                .as("acting steps of %s against the code blocks of %s", id, seed)
                .isGreaterThanOrEqualTo(blocksWithCode);
    }

    private static boolean mentions(Step step, String line, Runbook runbook) {
        String wanted = withoutSemicolon(line);
        return withoutSemicolon(BuiltinSeedDocument.collapse(step.description()))
                        .contains(wanted)
                || step.action().texts().stream()
                        .map(text -> withoutSemicolon(BuiltinSeedDocument.collapse(bindDefaults(text, runbook))))
                        .anyMatch(text -> text.contains(wanted));
    }

    private static String withoutSemicolon(String text) {
        return text.replace(";", "");
    }

    /** The text as it would run with the runbook's default values; references without one stay as written. */
    private static String bindDefaults(String text, Runbook runbook) {
        try {
            return Placeholders.substitute(
                    text,
                    name -> Optional.of(runbook.variables().stream()
                            .filter(variable -> variable.name().equals(name))
                            .findFirst()
                            .flatMap(VariableDefinition::defaultValue)
                            .orElse("${" + name + "}")));
        } catch (Placeholders.UnclosedReferenceException | Placeholders.UnresolvedReferenceException e) {
            throw new AssertionError("built-in " + runbook.id() + " has an unreadable reference: " + e.getMessage(), e);
        }
    }

    static List<Step> allSteps(Runbook runbook) {
        return RunbookValidator.allSteps(runbook);
    }
}
