package dev.flightdeck.db.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An instant-rollback point: a full copy of {@code source} named {@code snapshot} on the same server,
 * refusing connections so nothing changes it. The {@code name} output of a snapshot step.
 */
public record SnapshotRecord(
        String inventoryName, String source, String snapshot, long sizeBytes, Instant createdAt, Duration elapsed) {

    public Map<String, String> outputs() {
        return Map.of("name", snapshot);
    }
}
