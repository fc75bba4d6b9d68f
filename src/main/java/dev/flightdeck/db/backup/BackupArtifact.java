package dev.flightdeck.db.backup;

import dev.flightdeck.runbook.StepAction.BackupFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verified dump: where it is (a path on the command place that wrote it), its size and SHA-256 at the time
 * it was verified. Restores check the checksum again before using it.
 *
 * @param entries archive entries listed by {@code pg_restore --list} (custom format) or statements counted (plain)
 */
public record BackupArtifact(
        String inventoryName,
        String database,
        String file,
        BackupFormat format,
        long sizeBytes,
        String sha256,
        int entries,
        Instant createdAt) {

    /** The {@code file}, {@code sha256} and {@code size} outputs of a backup step. */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("file", file);
        outputs.put("sha256", sha256);
        outputs.put("size", Long.toString(sizeBytes));
        return outputs;
    }
}
