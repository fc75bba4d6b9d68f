package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;
import java.util.Optional;

/**
 * One thing to do, of one {@link StepKind}.
 *
 * @param target          the host, group or {@code local} named by {@code on:}; may hold a variable
 * @param undo            how to reverse this step; used by the rollback, newest first
 * @param required        a required step may not be skipped, not even with a reason
 * @param sensitiveOutput the journal keeps only the size and SHA-256 of this step's output (it may hold PHI)
 * @param declaresDatabase the step has a {@code database:} key beside its kind (meaningful for sql steps only)
 * @param sourceLine      the line of the runbook's {@code source:} document this step was imported from
 */
public record Step(
        String id,
        String title,
        String description,
        StepAction action,
        Optional<String> target,
        Optional<Step> undo,
        Optional<Duration> timeout,
        boolean required,
        Expectation expect,
        boolean sensitiveOutput,
        FanOut fanOut,
        boolean declaresDatabase,
        Position position,
        Optional<Integer> sourceLine) {

    public StepKind kind() {
        return action.kind();
    }

    /** The title an operator reads: the author's title, else a summary of the action. */
    public String displayTitle() {
        return title.isBlank() ? action.summary() : title;
    }
}
