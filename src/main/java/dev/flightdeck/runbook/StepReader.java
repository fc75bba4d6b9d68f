package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one step mapping: exactly one kind key, plus the keys every step may carry. */
final class StepReader {

    private static final Set<String> COMMON_KEYS = Set.of(
            "id",
            "title",
            "description",
            "on",
            "undo",
            "timeout",
            "required",
            "expect",
            "sensitive-output",
            "parallel",
            "serial",
            "max-fail",
            "database",
            "source-line");
    static final Set<String> EXPECT_KEYS =
            Set.of("exit", "output-contains", "rows", "value", "empty", "status", "body-contains", "max-latency");
    static final Set<String> STEP_KEYS = allStepKeys();

    private final Problems problems;
    private final ActionReader actions;

    StepReader(Problems problems) {
        this.problems = problems;
        this.actions = new ActionReader(problems);
    }

    private static Set<String> allStepKeys() {
        Set<String> keys = new LinkedHashSet<>(COMMON_KEYS);
        keys.addAll(StepKind.keys());
        return Set.copyOf(keys);
    }

    /**
     * @param fallbackId used when the step has no {@code id:} and ids are optional (rollback and undo steps)
     * @param idRequired phase steps must be named so the journal and the operator can refer to them
     */
    Optional<Step> read(YamlNode node, String fallbackId, boolean idRequired) {
        Optional<String> declaredId = node.entries().stream()
                .filter(entry -> entry.name().equals("id"))
                .findFirst()
                .flatMap(entry -> entry.value().text())
                .filter(text -> !text.isBlank());
        String stepId = declaredId.orElse(fallbackId);
        String what = declaredId.isPresent() || !idRequired
                ? "step '" + stepId + "'"
                : "step at line " + node.position().line();
        Optional<MappingReader> reader = MappingReader.of(node, what, STEP_KEYS, problems);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MappingReader step = reader.get();
        if (declaredId.isEmpty() && idRequired) {
            problems.error(step.position(), what + " is missing the required key 'id'");
        }
        Optional<StepAction> action = action(step, node);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        Optional<Step> undo = step.node("undo").flatMap(undoNode -> read(undoNode, stepId + ".undo", false));
        return Optional.of(new Step(
                stepId,
                step.text("title").orElse(""),
                step.text("description").orElse("").strip(),
                action.get(),
                step.text("on"),
                undo,
                step.duration("timeout"),
                step.bool("required", true),
                expectation(step),
                step.bool("sensitive-output", false),
                fanOut(step),
                step.has("database"),
                node.position(),
                step.integer("source-line", 1, Integer.MAX_VALUE)));
    }

    private Optional<StepAction> action(MappingReader step, YamlNode node) {
        List<StepKind> kinds = node.entries().stream()
                .map(YamlNode.Entry::name)
                .map(StepKind::ofKey)
                .flatMap(Optional::stream)
                .toList();
        if (kinds.isEmpty()) {
            problems.error(
                    node.position(),
                    step.what() + " says nothing to do: give it one of " + String.join(", ", StepKind.keys()));
            return Optional.empty();
        }
        if (kinds.size() > 1) {
            problems.error(
                    step.positionOf(kinds.get(1).key()),
                    step.what() + " has more than one kind "
                            + kinds.stream().map(StepKind::key).toList() + "; split it into separate steps");
        }
        StepKind kind = kinds.get(0);
        return actions.read(kind, step.node(kind.key()).orElseThrow(), step);
    }

    private Expectation expectation(MappingReader step) {
        Optional<YamlNode> node = step.node("expect");
        if (node.isEmpty()) {
            return Expectation.none();
        }
        Optional<MappingReader> reader =
                MappingReader.of(node.get(), "'expect' of " + step.what(), EXPECT_KEYS, problems);
        if (reader.isEmpty()) {
            return Expectation.none();
        }
        MappingReader expect = reader.get();
        return new Expectation(
                integers(expect, "exit", 0, 255),
                expect.text("output-contains"),
                comparison(expect, "rows"),
                comparison(expect, "value"),
                expect.has("empty") ? Optional.of(expect.bool("empty", false)) : Optional.empty(),
                integers(expect, "status", 100, 599),
                expect.text("body-contains"),
                expect.duration("max-latency"));
    }

    private List<Integer> integers(MappingReader reader, String key, int min, int max) {
        List<Integer> numbers = new ArrayList<>();
        for (String text : reader.textList(key)) {
            try {
                int number = Integer.parseInt(text.trim());
                if (number < min || number > max) {
                    problems.error(
                            reader.positionOf(key),
                            "'" + key + "' in " + reader.what() + " must be between " + min + " and " + max + ", not "
                                    + number);
                } else {
                    numbers.add(number);
                }
            } catch (NumberFormatException e) {
                problems.error(
                        reader.positionOf(key),
                        "'" + key + "' in " + reader.what() + " must be whole numbers, not '" + text + "'");
            }
        }
        return numbers;
    }

    private Optional<Comparison> comparison(MappingReader reader, String key) {
        Optional<String> text = reader.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Comparison> parsed = Comparison.parse(text.get());
        if (parsed.isEmpty()) {
            problems.error(
                    reader.positionOf(key),
                    "'" + key + "' in " + reader.what() + " compares with '" + text.get()
                            + "', which is not a number; '<' and '>' need a number, as in '>= 1'");
        }
        return parsed;
    }

    private FanOut fanOut(MappingReader step) {
        Optional<Integer> parallel = step.integer("parallel", 1, 1000);
        List<FanOut.Amount> serial = new ArrayList<>();
        for (String batch : step.textList("serial")) {
            FanOut.Amount.parse(batch)
                    .filter(a -> a.value() > 0)
                    .ifPresentOrElse(
                            serial::add,
                            () -> problems.error(
                                    step.positionOf("serial"),
                                    "batch '" + batch + "' in 'serial' of " + step.what()
                                            + " must be a count or a percentage like 25%"));
        }
        Optional<FanOut.Amount> maxFail = step.text("max-fail").flatMap(text -> {
            Optional<FanOut.Amount> amount = FanOut.Amount.parse(text);
            if (amount.isEmpty()) {
                problems.error(
                        step.positionOf("max-fail"),
                        "'max-fail' in " + step.what() + " must be a count or a percentage, not '" + text + "'");
            }
            return amount;
        });
        if (parallel.isPresent() && !serial.isEmpty()) {
            problems.error(
                    step.positionOf("serial"),
                    step.what() + " has both 'parallel' and 'serial': choose one way to spread it");
        }
        return new FanOut(parallel, serial, maxFail);
    }
}
