package dev.flightdeck.session;

/**
 * Runs one kind of step. Executors do the work and report the result; the session records the intent
 * before calling them and the outcome after, so an executor never writes to the journal itself.
 */
@FunctionalInterface
public interface StepExecutor {

    /**
     * @throws InterruptedException when the operator cancels; the session records the outcome as unknown
     *                              unless the executor knows the step did not act
     */
    StepResult execute(StepRun run) throws InterruptedException;
}
