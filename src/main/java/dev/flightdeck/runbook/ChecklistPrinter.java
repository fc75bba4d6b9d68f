package dev.flightdeck.runbook;

import dev.flightdeck.text.Durations;
import java.util.List;

/** A runbook as an indented plain-text checklist, for printing and for reading over SSH. */
public final class ChecklistPrinter {

    private ChecklistPrinter() {}

    public static String print(Runbook runbook) {
        return print(runbook, false);
    }

    /** @param descriptions also print the runbook's, phases' and steps' descriptions (what to do, in words) */
    public static String print(Runbook runbook, boolean descriptions) {
        StringBuilder out = new StringBuilder();
        out.append(runbook.title()).append("  [").append(runbook.id()).append("]\n");
        if (descriptions && !runbook.description().isBlank()) {
            runbook.description()
                    .lines()
                    .forEach(line -> out.append("  ").append(line).append('\n'));
        }
        if (!runbook.source().isBlank()) {
            out.append("source: ").append(runbook.source()).append('\n');
        }
        runbook.window()
                .duration()
                .ifPresent(
                        d -> out.append("window: ").append(Durations.format(d)).append('\n'));
        runbook.window()
                .pointOfNoReturn()
                .ifPresent(
                        p -> out.append("point of no return: after ").append(p).append('\n'));
        if (!runbook.variables().isEmpty()) {
            out.append("variables:\n");
            runbook.variables()
                    .forEach(v -> out.append("  ")
                            .append(v.name())
                            .append(" = ")
                            .append(v.defaultValue().orElse("(to be supplied)"))
                            .append('\n'));
        }
        int phaseNumber = 0;
        for (Phase phase : runbook.phases()) {
            phaseNumber++;
            out.append('\n').append(phaseNumber).append(". ").append(phase.title());
            phase.estimate()
                    .ifPresent(
                            e -> out.append("  (~").append(Durations.format(e)).append(')'));
            out.append('\n');
            if (descriptions && !phase.description().isBlank()) {
                phase.description()
                        .lines()
                        .forEach(line -> out.append("   ").append(line).append('\n'));
            }
            printSteps(out, phase.steps(), phaseNumber + ".", descriptions);
        }
        if (!runbook.rollbackTriggers().isEmpty()) {
            out.append("\nRollback triggers:\n");
            runbook.rollbackTriggers()
                    .forEach(t -> out.append("   - ")
                            .append(t.text())
                            .append(
                                    t.action() == TriggerSpec.Action.ALERT
                                            ? "  (alert only)"
                                            : "  (arms rollback, " + Durations.format(t.countdown()) + " countdown)")
                            .append('\n'));
        }
        out.append("\nRollback plan:\n");
        if (runbook.rollback().isEmpty()) {
            out.append("   (none)\n");
        } else {
            printSteps(out, runbook.rollback(), "R", descriptions);
        }
        if (!runbook.rollbackVerification().isEmpty()) {
            out.append("\nRollback verification (checks after the rollback):\n");
            printSteps(out, runbook.rollbackVerification(), "V", descriptions);
        }
        return out.toString();
    }

    private static void printSteps(StringBuilder out, List<Step> steps, String prefix, boolean descriptions) {
        int number = 0;
        for (Step step : steps) {
            number++;
            out.append("   [ ] ")
                    .append(prefix)
                    .append(number)
                    .append(' ')
                    .append(step.kind().label())
                    .append(": ")
                    .append(step.displayTitle());
            if (!step.required()) {
                out.append("  (optional)");
            }
            out.append("  {").append(step.id()).append('}');
            step.sourceLine()
                    .ifPresent(
                            line -> out.append("  (source line ").append(line).append(')'));
            out.append('\n');
            String detail = detail(step);
            if (!detail.isBlank()) {
                detail.lines()
                        .forEach(line -> out.append("         ").append(line).append('\n'));
            }
            if (descriptions && !step.description().isBlank()) {
                step.description()
                        .lines()
                        .forEach(line -> out.append("         | ").append(line).append('\n'));
            }
            step.undo()
                    .ifPresent(undo -> out.append("         undo: ")
                            .append(undo.action().summary())
                            .append('\n'));
        }
    }

    private static String detail(Step step) {
        StepAction action = step.action();
        String where = step.target().map(t -> "on " + t + ": ").orElse("");
        if (action instanceof StepAction.Run run) {
            return where + run.command().strip();
        } else if (action instanceof StepAction.Sql sql) {
            return sql.statement().strip();
        } else if (action instanceof StepAction.Approve approve
                && !approve.reason().isBlank()) {
            return approve.reason();
        }
        return step.title().isBlank() ? "" : action.summary();
    }
}
