package dev.flightdeck.session.steps;

import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this session's database steps produced: kept in memory while the process lives, and rebuilt from the
 * journaled outputs of succeeded steps after a resume. The newest succeeded step wins.
 */
final class SessionArtifacts {

    private final Map<String, Object> byStep = new ConcurrentHashMap<>();

    void remember(String stepId, Object artifact) {
        byStep.put(stepId, artifact);
    }

    /**
     * The snapshot the choice names: as made in this process, else rebuilt from its step's journaled outputs.
     *
     * @param serverDatabase the database's name on the server (the inventory's {@code database:}), which the swap replaces
     */
    SnapshotRecord snapshot(RestoreChoice.Snapshot chosen, String database, String serverDatabase, SessionState state) {
        StepRecord record = state.record(chosen.stepId());
        return byStep.get(chosen.stepId()) instanceof SnapshotRecord kept
                ? kept
                : new SnapshotRecord(
                        database,
                        serverDatabase,
                        chosen.name(),
                        0,
                        record.finishedAt().orElse(Instant.EPOCH),
                        Duration.ZERO);
    }

    /** The verified dump the choice names: as made in this process, else rebuilt from its step's journaled outputs. */
    BackupArtifact backup(RestoreChoice.Dump chosen, String database, String serverDatabase, SessionState state) {
        StepRecord record = state.record(chosen.stepId());
        StepAction.Backup backup = (StepAction.Backup)
                state.runbook().step(chosen.stepId()).orElseThrow().action();
        return byStep.get(chosen.stepId()) instanceof BackupArtifact kept
                ? kept
                : new BackupArtifact(
                        database,
                        serverDatabase,
                        chosen.file(),
                        backup.format(),
                        Long.parseLong(record.outputs().getOrDefault("size", "0")),
                        chosen.sha256(),
                        0,
                        record.finishedAt().orElse(Instant.EPOCH));
    }

    Optional<DataFingerprint> fingerprintOf(String stepId, SessionState state) {
        Object known = byStep.get(stepId);
        if (known instanceof DataFingerprint kept) {
            return Optional.of(kept);
        }
        StepRecord record = state.record(stepId);
        return record.status() == StepStatus.SUCCEEDED && record.outputs().containsKey("fingerprint")
                ? Optional.of(FingerprintJson.read(record.outputs().get("fingerprint")))
                : Optional.empty();
    }
}
