package dev.flightdeck.metrics.rules;

/**
 * What the session (journal, alarm sound, rollback) hears from the {@link TriggerMonitor}. Called on the thread
 * that delivered the sample or the tick, never while the monitor holds its lock; implementations should hand
 * slow work (journal writes, UI updates) to their own executor.
 */
public interface TriggerListener {

    /** A trigger fired (once per episode); journal it as {@code SessionEvent.Alarm}. */
    default void alarmRaised(Alarm alarm) {}

    /** An {@code ARM_ROLLBACK} trigger armed the rollback; show the countdown and its cancel button. */
    default void rollbackArmed(ArmedRollback armed) {}

    default void countdownCancelled(CountdownCancellation cancellation) {}

    /** The countdown ran out without a cancel: start the rollback now. */
    default void countdownExpired(ArmedRollback armed) {}

    /** An analysis rule asks the operator to continue or roll back; journal it and pause the window. */
    default void analysisPaused(AnalysisPause pause) {}

    /**
     * A shadow rule ({@code mode: shadow}) would have acted: {@code wouldHave} says how ("would have armed the
     * rollback", "would have paused the window"). Journal it; nothing else may follow from it.
     */
    default void shadowFired(Alarm alarm, String wouldHave) {}

    /** A trigger's state changed on a series (including to {@link RuleState#NO_DATA}). */
    default void stateChanged(RuleStatus status) {}
}
