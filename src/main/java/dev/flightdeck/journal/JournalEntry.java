package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One journaled event: its place in the session ({@code sequence}, from 1, without gaps), when, what
 * ({@code type}, e.g. {@code step.intent}), who, and the event's fields as JSON. Checkpoints appear in a replay
 * as entries of type {@code checkpoint}; interrupted writes found on reopening as {@code recovery}.
 */
public record JournalEntry(long sequence, Instant time, String type, String actor, ObjectNode payload) {

    public String text(String field) {
        return payload.hasNonNull(field) ? payload.get(field).asText() : "";
    }
}
