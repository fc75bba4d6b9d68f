package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.Inventory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what the loader cannot see one mapping at a time: duplicate ids, references to variables and
 * steps, keys that do not fit a step's kind, and (given an inventory) that every target exists.
 */
public final class RunbookValidator {

    /** Always defined while a session runs. */
    public static final Set<String> BUILT_IN_VARIABLES = Set.of("ts", "date", "operator", "session", "runbook");

    private final Problems problems;

    public RunbookValidator(Problems problems) {
        this.problems = problems;
    }

    public void check(Runbook runbook) {
        checkVariableCycles(runbook);
        checkIds(runbook);
        checkReferences(runbook);
        checkKindFit(runbook);
        checkBaselinesComeBeforeTheChange(runbook);
        new RollbackVerificationRules(problems).check(runbook);
        runbook.window()
                .pointOfNoReturn()
                .filter(id -> runbook.step(id).isEmpty())
                .ifPresent(id -> problems.error(
                        Position.UNKNOWN,
                        "window 'point-of-no-return' names step '" + id + "', which does not exist"
                                + DidYouMean.hint(id, stepIds(runbook))));
        for (TriggerSpec trigger : runbook.rollbackTriggers()) {
            String signal = trigger.rule().signal();
            if (Signals.canonical(signal).isEmpty()) {
                problems.warning(
                        trigger.position(),
                        "no collector measures '" + signal
                                + "'; it must come from a Prometheus endpoint or the inventory's prometheus: signals"
                                + DidYouMean.hint(signal, Signals.known()));
            }
            TriggerFit.problem(trigger.rule())
                    .ifPresent(problem -> problems.error(
                            trigger.position(), "rollback trigger '" + trigger.text() + "': " + problem));
        }
        if (runbook.rollback().isEmpty()) {
            problems.warning(
                    new Position(1, 1),
                    "the runbook has no rollback plan: add 'rollback:' with the steps that return the system to its state before the window");
        }
    }

    /**
     * A variable whose default refers to itself through other variables ({@code a: ${b}}, {@code b: ${a}}) has no value;
     * found here, not when a command is sent with {@code ${b}} in it. Each cycle is reported once, at its first variable.
     */
    private void checkVariableCycles(Runbook runbook) {
        Map<String, VariableDefinition> byName = new HashMap<>();
        runbook.variables().forEach(v -> byName.putIfAbsent(v.name(), v));
        Map<String, List<String>> edges = new HashMap<>();
        for (VariableDefinition variable : runbook.variables()) {
            List<String> refs = new ArrayList<>();
            variable.defaultValue().ifPresent(value -> {
                try {
                    Placeholders.find(value).forEach(r -> refs.add(r.name()));
                } catch (Placeholders.UnclosedReferenceException e) {
                    problems.error(variable.position(), "variable '" + variable.name() + "': " + e.getMessage());
                }
            });
            edges.put(variable.name(), refs);
        }
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (VariableDefinition variable : runbook.variables()) {
            List<String> path = new ArrayList<>();
            findCycle(variable.name(), edges, state, path)
                    .ifPresent(cycle -> problems.error(
                            byName.get(cycle.get(0)).position(),
                            "variables refer to each other in a cycle (" + String.join(" → ", cycle)
                                    + "), so none of them has a value;" + " give one of them a plain value"));
        }
    }

    /** Depth-first, with an explicit stack so a long chain of variables cannot overflow the thread's stack. */
    private static Optional<List<String>> findCycle(
            String start, Map<String, List<String>> edges, Map<String, Integer> state, List<String> path) {
        if (state.containsKey(start)) {
            return Optional.empty();
        }
        Deque<Iterator<String>> stack = new ArrayDeque<>();
        state.put(start, 1);
        path.add(start);
        stack.push(edges.getOrDefault(start, List.of()).iterator());
        while (!stack.isEmpty()) {
            Iterator<String> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                state.put(path.remove(path.size() - 1), 2);
                continue;
            }
            String name = next.next();
            if (!edges.containsKey(name)) {
                continue;
            }
            Integer seen = state.get(name);
            if (seen == null) {
                state.put(name, 1);
                path.add(name);
                stack.push(edges.get(name).iterator());
            } else if (seen == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
                cycle.add(name);
                path.forEach(n -> state.put(n, 2));
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    /** Targets, databases and endpoints must exist in the inventory the runbook will run against. */
    public void checkTargets(Runbook runbook, Inventory inventory) {
        for (Step step : allSteps(runbook)) {
            step.target()
                    .filter(t -> !t.contains("${") && !inventory.targetNames().contains(t))
                    .ifPresent(t -> problems.error(
                            step.position(),
                            "step '" + step.id() + "' runs on '" + t + "', which is neither a host nor a group in "
                                    + inventory.origin() + DidYouMean.hint(t, inventory.targetNames())));
            databaseOf(step.action())
                    .filter(db -> !db.contains("${") && inventory.database(db).isEmpty())
                    .ifPresent(db -> problems.error(
                            step.position(),
                            "step '" + step.id() + "' uses database '" + db + "', which is not in " + inventory.origin()
                                    + DidYouMean.hint(
                                            db,
                                            inventory.databases().stream()
                                                    .map(d -> d.name())
                                                    .toList())));
            endpointOf(step.action())
                    .filter(e -> !e.contains("://")
                            && !e.contains("${")
                            && inventory.endpoint(e).isEmpty())
                    .ifPresent(e -> problems.error(
                            step.position(),
                            "step '" + step.id() + "' calls endpoint '" + e + "', which is not in " + inventory.origin()
                                    + DidYouMean.hint(
                                            e,
                                            inventory.endpoints().stream()
                                                    .map(x -> x.name())
                                                    .toList())));
        }
        checkChannels(runbook, inventory);
        for (VariableDefinition variable : runbook.variables()) {
            if (variable.isRequired() && !inventory.vars().containsKey(variable.name())) {
                problems.warning(
                        variable.position(),
                        "variable '" + variable.name() + "' has no default and " + inventory.origin()
                                + " does not set it under 'vars:'; it will be asked for when the session starts");
            }
        }
    }

    /**
     * Notification channels the runbook names that the inventory does not declare: warnings, since the settings
     * ({@code notifications.yaml} in Flightdeck's home) may declare them; unsent notices show in the journal.
     */
    private void checkChannels(Runbook runbook, Inventory inventory) {
        Set<String> declared = inventory.channelNames();
        String where = inventory.origin() + " (nor, perhaps, the settings)";
        for (Step step : allSteps(runbook)) {
            if (step.action() instanceof StepAction.Notify notify) {
                notify.channels().stream()
                        .filter(c -> !declared.contains(c))
                        .forEach(c -> problems.warning(
                                step.position(),
                                "step '" + step.id() + "' notifies channel '" + c + "', which " + where
                                        + " does not declare" + DidYouMean.hint(c, declared)));
            }
        }
        runbook.notifications().checkDeclared(declared, where, problems);
    }

    /** The inventory database a step works on, if it works on one. */
    public static Optional<String> databaseOf(StepAction action) {
        if (action instanceof StepAction.Sql sql) {
            return Optional.of(sql.database());
        } else if (action instanceof StepAction.Backup backup) {
            return Optional.of(backup.database());
        } else if (action instanceof StepAction.Snapshot snapshot) {
            return Optional.of(snapshot.database());
        } else if (action instanceof StepAction.Restore restore) {
            return Optional.of(restore.database());
        } else if (action instanceof StepAction.VerifyData verify) {
            return Optional.of(verify.database());
        } else if (action instanceof StepAction.Preflight preflight) {
            return Optional.of(preflight.database());
        }
        return Optional.empty();
    }

    private static Optional<String> endpointOf(StepAction action) {
        if (action instanceof StepAction.Http http) {
            return Optional.of(http.endpoint());
        }
        if (action instanceof StepAction.Notify notify) {
            return notify.webhook();
        }
        return Optional.empty();
    }

    /** Phase steps, their undo steps, the rollback plan and its verification, in that order. */
    static List<Step> allSteps(Runbook runbook) {
        List<Step> steps = new ArrayList<>();
        runbook.steps().forEach(step -> {
            steps.add(step);
            step.undo().ifPresent(steps::add);
        });
        steps.addAll(runbook.rollback());
        steps.addAll(runbook.rollbackVerification());
        return steps;
    }

    private static Set<String> stepIds(Runbook runbook) {
        Set<String> ids = new LinkedHashSet<>();
        allSteps(runbook).forEach(s -> ids.add(s.id()));
        return ids;
    }

    private void checkIds(Runbook runbook) {
        Map<String, Position> phases = new HashMap<>();
        for (Phase phase : runbook.phases()) {
            Position first = phases.putIfAbsent(phase.id(), phase.position());
            if (first != null && !phase.id().isBlank()) {
                problems.error(
                        phase.position(),
                        "duplicate phase id '" + phase.id() + "' (first at line " + first.line() + ")");
            }
        }
        Map<String, Position> steps = new HashMap<>();
        for (Step step : allSteps(runbook)) {
            Position first = steps.putIfAbsent(step.id(), step.position());
            if (first != null) {
                problems.error(
                        step.position(), "duplicate step id '" + step.id() + "' (first at line " + first.line() + ")");
            }
        }
    }

    private void checkReferences(Runbook runbook) {
        Set<String> declared = new LinkedHashSet<>(BUILT_IN_VARIABLES);
        runbook.variables().forEach(v -> declared.add(v.name()));
        Map<String, Step> earlier = new HashMap<>();
        for (Step step : runbook.steps().toList()) {
            checkStepReferences(step, declared, earlier);
            step.undo().ifPresent(undo -> checkStepReferences(undo, declared, withSelf(earlier, step)));
            earlier.put(step.id(), step);
        }
        for (Step step : runbook.rollback()) {
            // the rollback may use what any phase step produced; steps that never ran make binding fail at run time
            checkStepReferences(step, declared, earlier);
        }
        for (Step step : runbook.rollbackVerification()) {
            checkStepReferences(step, declared, earlier);
        }
    }

    private static Map<String, Step> withSelf(Map<String, Step> earlier, Step step) {
        Map<String, Step> visible = new HashMap<>(earlier);
        visible.put(step.id(), step);
        return visible;
    }

    private void checkStepReferences(Step step, Set<String> declared, Map<String, Step> visible) {
        List<String> texts = new ArrayList<>(step.action().texts());
        step.target().ifPresent(texts::add);
        for (String text : texts) {
            try {
                for (Placeholders.Reference reference : Placeholders.find(text)) {
                    String name = reference.name();
                    if (name.startsWith(ShellTemplate.RAW)) {
                        name = name.substring(ShellTemplate.RAW.length()).trim();
                        rawSplice(step, name);
                    }
                    checkReference(step, name, declared, visible);
                }
            } catch (Placeholders.UnclosedReferenceException e) {
                problems.error(step.position(), "in step '" + step.id() + "': " + e.getMessage());
            }
        }
        if (step.action() instanceof StepAction.VerifyData verify
                && verify.compareTo().isPresent()) {
            String before = verify.compareTo().get();
            Step target = visible.get(before);
            if (target == null) {
                problems.error(
                        step.position(),
                        "step '" + step.id() + "' compares with '" + before + "', which is not an earlier step");
            } else if (!(target.action() instanceof StepAction.VerifyData captured)
                    || captured.tables().isEmpty()) {
                problems.error(
                        step.position(),
                        "step '" + step.id() + "' compares with '" + before
                                + "', which is not a verify-data step that captures tables");
            }
        }
    }

    private void rawSplice(Step step, String name) {
        if (step.kind() == StepKind.RUN) {
            problems.warning(
                    step.position(),
                    "step '" + step.id() + "' splices ${raw:" + name + "} into its command as shell text, unquoted: "
                            + "whoever sets '" + name + "' decides what runs. Use ${" + name
                            + "} unless the value is meant to be a command");
        } else {
            problems.warning(
                    step.position(),
                    "in step '" + step.id() + "': ${raw:" + name + "} only means something in a run: command; "
                            + "here it is the same as ${" + name + "}");
        }
    }

    private void checkReference(Step step, String name, Set<String> declared, Map<String, Step> visible) {
        if (name.startsWith("steps.")) {
            String[] parts = name.split("\\.");
            if (parts.length != 3) {
                problems.error(
                        step.position(),
                        "in step '" + step.id() + "': '${" + name + "}' must be written ${steps.STEP-ID.OUTPUT}");
                return;
            }
            Step source = visible.get(parts[1]);
            if (source == null) {
                problems.error(
                        step.position(),
                        "in step '" + step.id() + "': '${" + name + "}' refers to step '" + parts[1]
                                + "', which does not come before it" + DidYouMean.hint(parts[1], visible.keySet()));
            } else if (!source.kind().outputs().contains(parts[2])) {
                problems.error(
                        step.position(),
                        "in step '" + step.id() + "': step '" + parts[1] + "' ("
                                + source.kind().key() + ") has no output '" + parts[2] + "'; it has "
                                + source.kind().outputs());
            }
        } else if (!declared.contains(name)) {
            problems.error(
                    step.position(),
                    "in step '" + step.id() + "': variable '${" + name
                            + "}' is not defined; declare it under 'variables:'" + DidYouMean.hint(name, declared));
        }
    }

    private void checkKindFit(Runbook runbook) {
        for (Step step : allSteps(runbook)) {
            StepKind kind = step.kind();
            boolean runsCommands = kind == StepKind.RUN;
            if (runsCommands && step.target().isEmpty()) {
                problems.error(
                        step.position(),
                        "step '" + step.id()
                                + "' runs a command but says nowhere where: add 'on:' with a host, a group, or 'local'");
            }
            if (!runsCommands && step.target().isPresent()) {
                problems.error(
                        step.position(),
                        "step '" + step.id() + "' is a " + kind.key() + " step; 'on:' applies only to run steps");
            }
            checkCommonKeyFit(step);
            FanOut fanOut = step.fanOut();
            if (!runsCommands
                    && (fanOut.parallel().isPresent()
                            || !fanOut.serial().isEmpty()
                            || fanOut.maxFail().isPresent())) {
                problems.error(
                        step.position(),
                        "step '" + step.id() + "' is a " + kind.key()
                                + " step; 'parallel', 'serial' and 'max-fail' apply only to run steps");
            }
            checkExpectationFit(step);
        }
    }

    /**
     * A baseline describes the system before the change; taken while undoing or rolling back, it would describe the failure.
     * (The rollback verification's own rules already keep it to checks.)
     */
    private void checkBaselinesComeBeforeTheChange(Runbook runbook) {
        List<Step> outsidePhases = new ArrayList<>();
        runbook.steps().forEach(step -> step.undo().ifPresent(outsidePhases::add));
        outsidePhases.addAll(runbook.rollback());
        outsidePhases.stream()
                .filter(step -> step.kind() == StepKind.BASELINE)
                .forEach(step -> problems.error(
                        step.position(),
                        "step '" + step.id()
                                + "' captures baselines, which describe the system before the change; it belongs in a phase, "
                                + "not in an undo or the rollback plan"));
    }

    /** Keys every step may carry but only some kinds use: an ignored key would mislead its author. */
    private void checkCommonKeyFit(Step step) {
        StepKind kind = step.kind();
        if (step.declaresDatabase() && kind != StepKind.SQL) {
            problems.error(
                    step.position(),
                    "step '" + step.id() + "' is a " + kind.key()
                            + " step; 'database:' beside the kind applies only to sql steps"
                            + (databaseOf(step.action()).isPresent()
                                    ? " (write it inside: " + kind.key() + ": { database: ... })"
                                    : ""));
        }
        if (step.timeout().isPresent()
                && (kind == StepKind.CONFIRM
                        || kind == StepKind.APPROVE
                        || kind == StepKind.WAIT
                        || kind == StepKind.BASELINE)) {
            problems.error(
                    step.position(),
                    "step '" + step.id() + "' is a " + kind.key() + " step; 'timeout' applies to steps that act"
                            + (kind == StepKind.WAIT ? " (a wait's length is its duration)" : "")
                            + (kind == StepKind.BASELINE
                                    ? " (a baseline waits only until the instruments have read for its window)"
                                    : ""));
        }
        if (step.sensitiveOutput() && !(kind == StepKind.RUN || kind == StepKind.SQL || kind == StepKind.HTTP)) {
            problems.error(
                    step.position(),
                    "step '" + step.id() + "' is a " + kind.key()
                            + " step; 'sensitive-output' applies to run, sql and http steps");
        }
    }

    private void checkExpectationFit(Step step) {
        Expectation expect = step.expect();
        StepKind kind = step.kind();
        List<String> misplaced = new ArrayList<>();
        if (kind != StepKind.RUN
                && (!expect.exitCodes().isEmpty() || expect.outputContains().isPresent())) {
            misplaced.add("exit/output-contains (run steps)");
        }
        if (kind != StepKind.SQL
                && (expect.rows().isPresent()
                        || expect.value().isPresent()
                        || expect.empty().isPresent())) {
            misplaced.add("rows/value/empty (sql steps)");
        }
        if (kind != StepKind.HTTP
                && (!expect.status().isEmpty()
                        || expect.bodyContains().isPresent()
                        || expect.maxLatency().isPresent())) {
            misplaced.add("status/body-contains/max-latency (http steps)");
        }
        if (!misplaced.isEmpty()) {
            problems.error(
                    step.position(),
                    "step '" + step.id() + "' is a " + kind.key() + " step but expects "
                            + String.join(", ", misplaced));
        }
    }
}
