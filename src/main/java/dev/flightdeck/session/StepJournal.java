package dev.flightdeck.session;

import dev.flightdeck.runbook.Step;

/**
 * All {@link StepRunner} may do to its session: read the state a step starts from, journal the step's events as the
 * operator, redact what it shows and collect its output, and record the outcome. The runner never sees the session's
 * commands (confirm, approve, rollback), so running a step cannot call back into them.
 */
interface StepJournal {

    SessionState state();

    String operator();

    /** Journals an event of the running step, as the operator, before anything it announces happens. */
    void record(SessionEvent event);

    /** Journals the step's outcome (redacted) and returns it. */
    SessionEvent.StepOutcome finish(Step step, int attempt, StepResult result, long durationMillis);

    String redact(String text);

    SessionRecorder.OutputCollector collectOutput(boolean sensitive);
}
