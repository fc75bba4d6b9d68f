package dev.flightdeck.session;

import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shows exactly what a session would do, where, without connecting to anything: every variable bound,
 * every target resolved against the inventory. Outputs of earlier steps are shown as placeholders since
 * they exist only once those steps have run.
 */
public final class DryRun {

    /** One step as it would run. {@code where} lists hosts, a database or a URL; {@code problem} is empty when it can run. */
    public record PlannedStep(String number, Step step, List<String> where, String text, Optional<String> problem) {}

    public record Plan(List<PlannedStep> steps, List<PlannedStep> rollback) {

        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            steps.forEach(s -> s.problem()
                    .ifPresent(p -> problems.add(s.number() + " " + s.step().id() + ": " + p)));
            rollback.forEach(s -> s.problem()
                    .ifPresent(p -> problems.add(s.number() + " " + s.step().id() + ": " + p)));
            return problems;
        }

        public boolean isRunnable() {
            return problems().isEmpty();
        }
    }

    private DryRun() {}

    /**
     * @param values the session's variables as they would be at the start (built-ins, runbook defaults, inventory vars, operator input)
     */
    public static Plan plan(Runbook runbook, Inventory inventory, Map<String, String> values) {
        Map<String, String> withOutputs = new HashMap<>(values);
        // the built-ins are fixed only when the session opens: show what they will be
        withOutputs.putIfAbsent("ts", "<ts: time the session starts>");
        withOutputs.putIfAbsent("date", "<date: day the session starts>");
        withOutputs.putIfAbsent("operator", "<operator>");
        withOutputs.putIfAbsent("session", "<session id>");
        withOutputs.putIfAbsent("runbook", runbook.id());
        // outputs of steps are known only once they run: show where they go
        runbook.steps()
                .forEach(step -> step.kind()
                        .outputs()
                        .forEach(output -> withOutputs.putIfAbsent(
                                "steps." + step.id() + "." + output, "<" + output + " of " + step.id() + ">")));
        Set<String> placeholders = new HashSet<>(withOutputs.keySet());
        placeholders.removeAll(values.keySet());
        placeholders.remove("runbook");
        SessionValues bindings = new SessionValues(withOutputs, placeholders);
        List<PlannedStep> steps = new ArrayList<>();
        int phaseNumber = 0;
        for (Phase phase : runbook.phases()) {
            phaseNumber++;
            int stepNumber = 0;
            for (Step step : phase.steps()) {
                stepNumber++;
                steps.add(planStep(phaseNumber + "." + stepNumber, step, inventory, bindings));
            }
        }
        List<PlannedStep> rollback = new ArrayList<>();
        for (int i = 0; i < runbook.rollback().size(); i++) {
            rollback.add(planStep("R" + (i + 1), runbook.rollback().get(i), inventory, bindings));
        }
        return new Plan(steps, rollback);
    }

    private static PlannedStep planStep(String number, Step step, Inventory inventory, SessionValues bindings) {
        String text = "";
        List<String> where = List.of();
        Optional<String> problem = Optional.empty();
        try {
            text = boundText(step.action(), bindings);
            where = resolveWhere(step, inventory, bindings);
        } catch (SessionValues.UnboundVariableException e) {
            problem = Optional.of(e.getMessage());
        } catch (UnresolvedTargetException e) {
            problem = Optional.of(e.getMessage());
        }
        return new PlannedStep(number, step, where, text, problem);
    }

    /**
     * The exact text a step acts with, bound: a {@code run:} command with its values quoted for the shell (what runs),
     * any other text with its values as they are.
     */
    public static String boundText(StepAction action, SessionValues bindings)
            throws SessionValues.UnboundVariableException {
        String text = String.join("\n", textOf(action));
        return action instanceof StepAction.Run ? bindings.bindCommand(text) : bindings.bind(text);
    }

    /** The exact text a step acts with (command, SQL, request, message), before binding. */
    public static List<String> textOf(StepAction action) {
        if (action instanceof StepAction.Run run) {
            return List.of(run.command());
        } else if (action instanceof StepAction.Sql sql) {
            return List.of(sql.statement());
        } else if (action instanceof StepAction.Confirm confirm) {
            return List.of(confirm.text());
        } else if (action instanceof StepAction.Notify notify) {
            return List.of(notify.message());
        } else if (action instanceof StepAction.Http http) {
            return List.of(http.method() + " " + http.endpoint());
        }
        return List.of(action.summary());
    }

    private static List<String> resolveWhere(Step step, Inventory inventory, SessionValues bindings)
            throws SessionValues.UnboundVariableException, UnresolvedTargetException {
        if (step.kind() == StepKind.RUN) {
            String target = bindings.bind(step.target().orElseThrow());
            if (target.equals(Inventory.LOCAL)) {
                return List.of("this computer");
            }
            List<HostEntry> hosts = inventory.resolveTarget(target);
            if (hosts.isEmpty()) {
                throw new UnresolvedTargetException(
                        "'" + target + "' is neither a host nor a group in " + inventory.origin());
            }
            return hosts.stream().map(HostEntry::name).toList();
        }
        Optional<String> database = RunbookValidator.databaseOf(step.action());
        if (database.isPresent()) {
            String name = bindings.bind(database.get());
            DatabaseEntry entry = inventory
                    .database(name)
                    .orElseThrow(() ->
                            new UnresolvedTargetException("database '" + name + "' is not in " + inventory.origin()));
            return List.of(entry.name() + " (" + entry.user() + "@" + entry.host() + ":" + entry.port() + "/"
                    + entry.database() + ")");
        }
        if (step.action() instanceof StepAction.Http http) {
            String endpoint = bindings.bind(http.endpoint());
            if (endpoint.contains("://")) {
                return List.of(endpoint);
            }
            return List.of(inventory
                    .endpoint(endpoint)
                    .map(e -> e.url())
                    .orElseThrow(() -> new UnresolvedTargetException(
                            "endpoint '" + endpoint + "' is not in " + inventory.origin())));
        }
        return List.of();
    }

    /** A target the inventory does not have. */
    static final class UnresolvedTargetException extends Exception {
        UnresolvedTargetException(String message) {
            super(message);
        }
    }
}
