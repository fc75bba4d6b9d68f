package dev.flightdeck.runbook;

/** Who may approve a gate (seed 002's change-request roles). */
public enum Role {
    COMPLIANCE,
    SECURITY,
    ENGINEERING,
    OPERATIONS
}
