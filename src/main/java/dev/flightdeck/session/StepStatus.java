package dev.flightdeck.session;

/** Where a step stands, as the wizard shows it. */
public enum StepStatus {
    /** not reachable yet: an earlier phase or step is not done */
    PENDING,
    /** the next thing to do */
    READY,
    /** intent recorded, outcome not yet */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** skipped with a reason, by a named person */
    SKIPPED,
    /** started, but the outcome was never recorded (a crash, a dropped connection): a person must decide */
    UNKNOWN;

    /** Done in the sense that lets the session move on. */
    public boolean isSettled() {
        return this == SUCCEEDED || this == SKIPPED;
    }
}
