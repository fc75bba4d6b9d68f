package dev.flightdeck.session.steps;

import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    Optional<SnapshotRecord> snapshotOf(String database, SessionState state) {
        for (Step step : newestFirst(state)) {
            if (step.action() instanceof StepAction.Snapshot snapshot && snapshot.database().equals(database)) {
                StepRecord record = state.record(step.id());
                Object known = byStep.get(step.id());
                return Optional.of(known instanceof SnapshotRecord kept ? kept : new SnapshotRecord(database, "", record.outputs().get("name"),
                        0, record.finishedAt().orElse(Instant.EPOCH), Duration.ZERO));
            }
        }
        return Optional.empty();
    }

    Optional<BackupArtifact> backupOf(String database, SessionState state) {
        for (Step step : newestFirst(state)) {
            if (step.action() instanceof StepAction.Backup backup && backup.database().equals(database)) {
                StepRecord record = state.record(step.id());
                Object known = byStep.get(step.id());
                return Optional.of(known instanceof BackupArtifact kept ? kept : new BackupArtifact(database, "", record.outputs().get("file"),
                        backup.format(), Long.parseLong(record.outputs().getOrDefault("size", "0")), record.outputs().get("sha256"), 0,
                        record.finishedAt().orElse(Instant.EPOCH)));
            }
        }
        return Optional.empty();
    }

    Optional<DataFingerprint> fingerprintOf(String stepId, SessionState state) {
        Object known = byStep.get(stepId);
        if (known instanceof DataFingerprint kept) {
            return Optional.of(kept);
        }
        StepRecord record = state.record(stepId);
        return record.status() == StepStatus.SUCCEEDED && record.outputs().containsKey("fingerprint")
                ? Optional.of(FingerprintJson.read(record.outputs().get("fingerprint"))) : Optional.empty();
    }

    /** Succeeded phase steps, the most recent first. */
    private static List<Step> newestFirst(SessionState state) {
        List<Step> done = new java.util.ArrayList<>(state.runbook().steps()
                .filter(step -> state.record(step.id()).status() == StepStatus.SUCCEEDED).toList());
        done.sort(java.util.Comparator.comparing((Step step) -> state.record(step.id()).finishedAt().orElse(Instant.EPOCH)).reversed());
        return done;
    }
}
