package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.TextFiles;
import dev.flightdeck.yaml.YamlFile;
import dev.flightdeck.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code *.runbook.yaml} file. Structural problems (syntax, unknown keys, wrong shapes, missing
 * fields) are found here; problems between parts (ids, references, targets) by {@link RunbookValidator},
 * which {@link #load} runs too. Every problem carries its line and column.
 */
public final class RunbookLoader {

    static final Set<String> RUNBOOK_KEYS = Set.of(
            "runbook",
            "id",
            "source",
            "description",
            "window",
            "variables",
            "phases",
            "rollback-triggers",
            "rollback",
            "rollback-verification",
            "notifications");
    static final Set<String> WINDOW_KEYS = Set.of("duration", "start", "point-of-no-return", "rollback-time");
    static final Set<String> PHASE_KEYS = Set.of("id", "title", "description", "estimate", "steps");
    private static final Set<String> VARIABLE_KEYS = Set.of("default", "description");
    static final Set<String> TRIGGER_KEYS = union(Set.of("when", "action", "countdown"), TriggerAnalysisReader.KEYS);
    public static final String FILE_SUFFIX = ".runbook.yaml";

    private RunbookLoader() {}

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    public static Parsed<Runbook> load(Path file) throws IOException {
        String text;
        try {
            text = YamlFile.read(file);
        } catch (TextFiles.BadEncodingException e) {
            Problems problems = new Problems(file.toString());
            problems.error(e.position(), e.getMessage());
            return new Parsed<>(Optional.empty(), problems.sorted());
        }
        return load(text, file.toString(), defaultId(file.getFileName().toString()));
    }

    /**
     * @param origin     how messages name the file (a path, or "builtin:ID")
     * @param fallbackId the runbook's id when it does not declare one
     */
    public static Parsed<Runbook> load(String text, String origin, String fallbackId) {
        Problems problems = new Problems(origin);
        Optional<Runbook> runbook = YamlFile.parse(text, problems)
                .flatMap(root -> MappingReader.of(root, "the runbook", RUNBOOK_KEYS, problems))
                .map(reader -> read(reader, origin, fallbackId, problems));
        runbook.ifPresent(r -> new RunbookValidator(problems).check(r));
        return new Parsed<>(runbook, problems.sorted());
    }

    /** The id a runbook file gets when it declares none: its name without {@code .runbook.yaml}. */
    public static String defaultId(String fileName) {
        String base = fileName.endsWith(FILE_SUFFIX)
                ? fileName.substring(0, fileName.length() - FILE_SUFFIX.length())
                : fileName.replaceFirst("\\.(ya?ml)$", "");
        return base.isBlank() ? "runbook" : base;
    }

    private static Runbook read(MappingReader root, String origin, String fallbackId, Problems problems) {
        StepReader steps = new StepReader(problems);
        String title = root.requiredText("runbook");
        List<Phase> phases = new ArrayList<>();
        if (!root.has("phases")) {
            problems.error(root.position(), "the runbook is missing the required key 'phases'");
        }
        List<YamlNode> phaseNodes = root.list("phases");
        for (YamlNode phaseNode : phaseNodes) {
            readPhase(phaseNode, steps, problems).ifPresent(phases::add);
        }
        if (phaseNodes.isEmpty()
                && root.node("phases").map(YamlNode::isSequence).orElse(false)) {
            problems.error(
                    root.positionOf("phases"),
                    "the runbook has no phases: a runbook needs at least one phase with steps");
        }
        List<Step> rollback = new ArrayList<>();
        List<YamlNode> rollbackNodes = root.list("rollback");
        for (int i = 0; i < rollbackNodes.size(); i++) {
            steps.read(rollbackNodes.get(i), "rollback-" + (i + 1), false).ifPresent(rollback::add);
        }
        List<Step> verification = new ArrayList<>();
        List<YamlNode> verificationNodes = root.list("rollback-verification");
        for (int i = 0; i < verificationNodes.size(); i++) {
            steps.read(verificationNodes.get(i), "verify-rollback-" + (i + 1), false)
                    .ifPresent(verification::add);
        }
        return new Runbook(
                root.text("id").orElse(fallbackId),
                title,
                root.text("source").orElse(""),
                root.text("description").orElse("").strip(),
                window(root, problems),
                variables(root, problems),
                phases,
                triggers(root, problems),
                rollback,
                verification,
                Subscriptions.read(root, "notifications", problems),
                origin);
    }

    private static Optional<Phase> readPhase(YamlNode node, StepReader steps, Problems problems) {
        return MappingReader.of(node, "phase at line " + node.position().line(), PHASE_KEYS, problems)
                .map(phase -> {
                    String id = phase.requiredText("id");
                    List<Step> phaseSteps = new ArrayList<>();
                    if (!phase.has("steps")) {
                        problems.error(phase.position(), "phase '" + id + "' is missing the required key 'steps'");
                    }
                    List<YamlNode> stepNodes = phase.list("steps");
                    for (YamlNode stepNode : stepNodes) {
                        steps.read(stepNode, id + "-" + (phaseSteps.size() + 1), true)
                                .ifPresent(phaseSteps::add);
                    }
                    if (stepNodes.isEmpty() && phase.has("steps")) {
                        problems.warning(phase.positionOf("steps"), "phase '" + id + "' has no steps");
                    }
                    return new Phase(
                            id,
                            phase.text("title").orElse(id),
                            phase.text("description").orElse("").strip(),
                            phase.duration("estimate"),
                            phaseSteps,
                            phase.position());
                });
    }

    private static WindowPlan window(MappingReader root, Problems problems) {
        return root.node("window")
                .flatMap(node -> MappingReader.of(node, "'window'", WINDOW_KEYS, problems))
                .map(w -> new WindowPlan(
                        w.duration("duration"),
                        w.text("start"),
                        w.text("point-of-no-return"),
                        w.duration("rollback-time")))
                .orElse(WindowPlan.unplanned());
    }

    /** {@code name: value} for a variable with a default, {@code name: {description: ...}} for one that must be supplied. */
    private static List<VariableDefinition> variables(MappingReader root, Problems problems) {
        List<VariableDefinition> variables = new ArrayList<>();
        Optional<YamlNode> node = root.node("variables");
        if (node.isEmpty() || node.get().isNull()) {
            return variables;
        }
        if (!node.get().isMapping()) {
            problems.error(node.get().position(), "'variables' must be a mapping of names to values");
            return variables;
        }
        for (YamlNode.Entry entry :
                new MappingReader(node.get(), "'variables'", keysOf(node.get()), problems).entriesInOrder()) {
            YamlNode value = entry.value();
            if (value.isMapping()) {
                MappingReader variable =
                        new MappingReader(value, "variable '" + entry.name() + "'", VARIABLE_KEYS, problems);
                variables.add(new VariableDefinition(
                        entry.name(),
                        variable.text("default"),
                        variable.text("description").orElse(""),
                        entry.key().position()));
            } else if (value.isScalar()) {
                Optional<String> defaultValue = value.isNull() ? Optional.empty() : value.text();
                variables.add(new VariableDefinition(
                        entry.name(), defaultValue, "", entry.key().position()));
            } else {
                problems.error(
                        value.position(),
                        "variable '" + entry.name()
                                + "' must be a value or a mapping with 'default' and 'description'");
            }
        }
        return variables;
    }

    private static Set<String> keysOf(YamlNode mapping) {
        Set<String> keys = new HashSet<>();
        mapping.entries().forEach(entry -> keys.add(entry.name()));
        return keys;
    }

    private static List<TriggerSpec> triggers(MappingReader root, Problems problems) {
        List<TriggerSpec> triggers = new ArrayList<>();
        for (YamlNode node : root.list("rollback-triggers")) {
            if (node.isScalar() && !node.isNull()) {
                trigger(
                                node.text().orElse(""),
                                node,
                                TriggerSpec.Action.ARM_ROLLBACK,
                                TriggerSpec.DEFAULT_COUNTDOWN,
                                problems)
                        .ifPresent(triggers::add);
                continue;
            }
            MappingReader.of(node, "rollback trigger at line " + node.position().line(), TRIGGER_KEYS, problems)
                    .ifPresent(t -> {
                        String action = t.text("action").orElse(TriggerSpec.Action.ARM_ROLLBACK.key());
                        TriggerSpec.Action parsed = TriggerSpec.Action.of(action)
                                .orElseGet(() -> {
                                    problems.error(
                                            t.positionOf("action"),
                                            "'action' of a rollback trigger must be "
                                                    + String.join(
                                                            " or ",
                                                            TriggerSpec.Action.keys().stream()
                                                                    .map(key -> "'" + key + "'")
                                                                    .toList())
                                                    + ", not '" + action + "'");
                                    return TriggerSpec.Action.ALERT;
                                });
                        Duration countdown = t.duration("countdown").orElse(TriggerSpec.DEFAULT_COUNTDOWN);
                        String when = t.requiredText("when");
                        TriggerSpec.Mode mode = TriggerAnalysisReader.mode(t, problems);
                        if (!when.isBlank()) {
                            trigger(when, t.node("when").orElseThrow(), parsed, countdown, problems)
                                    .map(spec -> new TriggerSpec(
                                            spec.text(),
                                            spec.rule(),
                                            spec.action(),
                                            spec.countdown(),
                                            spec.position(),
                                            TriggerAnalysisReader.analysis(t, spec.rule(), problems),
                                            mode))
                                    .ifPresent(triggers::add);
                        }
                    });
        }
        return triggers;
    }

    private static Optional<TriggerSpec> trigger(
            String text, YamlNode at, TriggerSpec.Action action, Duration countdown, Problems problems) {
        try {
            TriggerRule rule = TriggerRuleParser.parse(text);
            return Optional.of(new TriggerSpec(text.trim(), rule, action, countdown, at.position()));
        } catch (TriggerRuleParser.InvalidRuleException e) {
            problems.error(at.position(), "rollback trigger '" + text.trim() + "': " + e.getMessage());
            return Optional.empty();
        }
    }
}
