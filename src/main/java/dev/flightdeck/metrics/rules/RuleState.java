package dev.flightdeck.metrics.rules;

/** Where a rollback trigger stands on one series. */
public enum RuleState {
    /** the last sample does not meet the condition */
    OK,
    /** the condition holds but not yet for long enough (or not yet enough failures in a row) */
    PENDING,
    /** the last measurement lay in the rule's inconclusive band: neither healthy nor failed (analysis rules) */
    INCONCLUSIVE,
    /** the trigger fired and the condition still holds */
    FIRING,
    /** no reading for longer than the staleness limit, or none yet: nothing is known, which is not "ok" */
    NO_DATA,
    /** the rule is relative to a baseline that has not been captured */
    NO_BASELINE
}
