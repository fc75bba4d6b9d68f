package dev.flightdeck.journal.verify;

import java.time.Instant;

/** A checkpoint as a reviewer compares it with the change ticket. */
public record CheckpointSummary(
        long sequence, long coveredSequence, Instant time, String reason, boolean closesSession, String shortHash) {}
