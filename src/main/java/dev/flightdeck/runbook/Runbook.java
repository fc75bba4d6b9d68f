package dev.flightdeck.runbook;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A maintenance procedure: phases of steps, the triggers that call for a rollback, and the rollback
 * plan itself. Immutable; loaded by {@link RunbookLoader}, checked by {@link RunbookValidator}.
 *
 * @param source the document this runbook encodes (a seed file name for built-ins), may be empty
 * @param notifications which notification channels hear of the window's lifecycle events ({@code notifications:})
 * @param origin where the runbook was read from, for messages ("builtin:system-upgrade" or a path)
 */
public record Runbook(
        String id,
        String title,
        String source,
        String description,
        WindowPlan window,
        List<VariableDefinition> variables,
        List<Phase> phases,
        List<TriggerSpec> rollbackTriggers,
        List<Step> rollback,
        List<Step> rollbackVerification,
        Subscriptions notifications,
        String origin) {

    public Runbook {
        variables = List.copyOf(variables);
        phases = List.copyOf(phases);
        rollbackTriggers = List.copyOf(rollbackTriggers);
        rollback = List.copyOf(rollback);
        rollbackVerification = List.copyOf(rollbackVerification);
    }

    /** A runbook without {@code rollback-verification:}. */
    public Runbook(
            String id,
            String title,
            String source,
            String description,
            WindowPlan window,
            List<VariableDefinition> variables,
            List<Phase> phases,
            List<TriggerSpec> rollbackTriggers,
            List<Step> rollback,
            String origin) {
        this(id, title, source, description, window, variables, phases, rollbackTriggers, rollback, List.of(), origin);
    }

    /** A runbook that subscribes no channel to the window's lifecycle. */
    public Runbook(
            String id,
            String title,
            String source,
            String description,
            WindowPlan window,
            List<VariableDefinition> variables,
            List<Phase> phases,
            List<TriggerSpec> rollbackTriggers,
            List<Step> rollback,
            List<Step> rollbackVerification,
            String origin) {
        this(
                id,
                title,
                source,
                description,
                window,
                variables,
                phases,
                rollbackTriggers,
                rollback,
                rollbackVerification,
                Subscriptions.none(),
                origin);
    }

    /** Every step of every phase, in order (not the rollback plan). */
    public Stream<Step> steps() {
        return phases.stream().flatMap(phase -> phase.steps().stream());
    }

    public int stepCount() {
        return (int) steps().count();
    }

    public Optional<Step> step(String stepId) {
        return Stream.of(steps(), rollback.stream(), rollbackVerification.stream())
                .flatMap(s -> s)
                .filter(s -> s.id().equals(stepId))
                .findFirst();
    }

    /** The checklist number people use: "2.1" for the first step of the second phase, "R3" in the rollback plan, "V2" in its verification. */
    public String numberOf(String stepId) {
        for (int p = 0; p < phases.size(); p++) {
            List<Step> steps = phases.get(p).steps();
            for (int s = 0; s < steps.size(); s++) {
                if (steps.get(s).id().equals(stepId)) {
                    return (p + 1) + "." + (s + 1);
                }
            }
        }
        for (int r = 0; r < rollback.size(); r++) {
            if (rollback.get(r).id().equals(stepId)) {
                return "R" + (r + 1);
            }
        }
        for (int v = 0; v < rollbackVerification.size(); v++) {
            if (rollbackVerification.get(v).id().equals(stepId)) {
                return "V" + (v + 1);
            }
        }
        return stepId;
    }

    public Optional<Phase> phaseOf(String stepId) {
        return phases.stream()
                .filter(p -> p.steps().stream().anyMatch(s -> s.id().equals(stepId)))
                .findFirst();
    }
}
