package dev.flightdeck.session.steps;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code restore} step restores from, decided from this session's journal only: the newest snapshot of the
 * database this session made (an instant swap), else its newest verified dump, else nothing, with the reason. An
 * older file found on disk is never a candidate. {@code from:} may pin one artefact (a snapshot or backup step's
 * id, or its bound {@code name}/{@code file}); it must still be one this session made.
 */
public sealed interface RestoreChoice {

    /** Swap back to the snapshot {@code name} that step {@code stepId} made. */
    record Snapshot(String stepId, String name) implements RestoreChoice {}

    /** Load the verified dump {@code file} (checksum {@code sha256}) that step {@code stepId} wrote. */
    record Dump(String stepId, String file, String sha256) implements RestoreChoice {}

    /** Nothing safe to restore from; {@code reason} says why, for the operator. */
    record Nothing(String reason) implements RestoreChoice {}

    /**
     * @param database the inventory name of the database
     * @param from     the bound {@code from:} of the restore step, if it has one
     */
    static RestoreChoice of(SessionState state, String database, Optional<String> from) {
        List<Step> made = newestFirst(state).stream()
                .filter(step -> protects(step, database))
                .toList();
        if (from.isPresent()) {
            return made.stream()
                    .filter(step -> names(state, step, from.get()))
                    .findFirst()
                    .map(step -> choice(state, step))
                    .orElse(new Nothing("'from: " + from.get() + "' is not a snapshot or verified backup of '"
                            + database + "' made in this session; an older file on disk is never used"));
        }
        Optional<Step> snapshot = made.stream()
                .filter(step -> step.action() instanceof StepAction.Snapshot)
                .findFirst();
        return snapshot.or(() -> made.stream().findFirst())
                .map(step -> choice(state, step))
                .orElse(new Nothing(
                        "no snapshot and no verified backup of '" + database + "' was made in this session: "
                                + "there is nothing safe to restore from, and an older file on disk is never used"));
    }

    /** A one-line description for the plan and the journal. */
    default String describe() {
        if (this instanceof Snapshot snapshot) {
            return "snapshot swap back to " + snapshot.name() + " (made by step " + snapshot.stepId() + ")";
        } else if (this instanceof Dump dump) {
            return "restore of the verified dump " + dump.file() + " (SHA-256 "
                    + dump.sha256().substring(0, Math.min(12, dump.sha256().length())) + "…, written by step "
                    + dump.stepId() + ")";
        }
        return "STOP: " + ((Nothing) this).reason();
    }

    private static boolean protects(Step step, String database) {
        return step.action() instanceof StepAction.Snapshot snapshot
                        && snapshot.database().equals(database)
                || step.action() instanceof StepAction.Backup backup
                        && backup.database().equals(database);
    }

    private static boolean names(SessionState state, Step step, String from) {
        StepRecord record = state.record(step.id());
        return from.equals(step.id())
                || from.equals(record.outputs().get("name"))
                || from.equals(record.outputs().get("file"));
    }

    private static RestoreChoice choice(SessionState state, Step step) {
        StepRecord record = state.record(step.id());
        return step.action() instanceof StepAction.Snapshot
                ? new Snapshot(step.id(), record.outputs().get("name"))
                : new Dump(
                        step.id(),
                        record.outputs().get("file"),
                        record.outputs().getOrDefault("sha256", ""));
    }

    /** Succeeded phase steps, the most recent first. */
    static List<Step> newestFirst(SessionState state) {
        return state.runbook()
                .steps()
                .filter(step -> state.record(step.id()).status() == StepStatus.SUCCEEDED)
                .sorted(Comparator.comparing((Step step) ->
                                state.record(step.id()).finishedAt().orElse(Instant.EPOCH))
                        .reversed())
                .toList();
    }
}
