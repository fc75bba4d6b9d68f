package dev.flightdeck.metrics.rules;

import java.time.Instant;

/** The operator stopped an armed rollback's countdown: who, when and why (journaled). */
public record CountdownCancellation(ArmedRollback rollback, String cancelledBy, String reason, Instant at) {}
