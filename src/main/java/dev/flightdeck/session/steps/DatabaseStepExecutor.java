package dev.flightdeck.session.steps;

import dev.flightdeck.db.DatabaseSteps;
import dev.flightdeck.db.RestoreOutcome;
import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.integrity.DataComparison;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.preflight.CheckStatus;
import dev.flightdeck.db.preflight.PreflightReport;
import dev.flightdeck.db.preflight.PreflightThresholds;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.db.sql.SqlOutcome;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sql}, {@code preflight}, {@code backup}, {@code snapshot}, {@code restore} and {@code verify-data} steps on
 * an inventory database. A restore uses only what this session made (its snapshot, else its verified backup),
 * never an older file found on disk; after a resume those artefacts are rebuilt from the journal.
 */
public final class DatabaseStepExecutor implements StepExecutor {

    private static final Duration TOOL_TIMEOUT = Duration.ofHours(2);

    private final Function<String, DatabaseSteps> databases;
    private final SessionArtifacts artifacts;

    /** @param databases the open database of an inventory name (opened on first use by the caller's factory) */
    public DatabaseStepExecutor(Function<String, DatabaseSteps> databases) {
        this.databases = databases;
        this.artifacts = new SessionArtifacts();
    }

    @Override
    public StepResult execute(StepRun run) {
        StepAction action = run.step().action();
        try {
            if (action instanceof StepAction.Sql sql) {
                return sql(run, sql);
            } else if (action instanceof StepAction.Preflight preflight) {
                return preflight(run, preflight);
            } else if (action instanceof StepAction.Backup backup) {
                return backup(run, backup);
            } else if (action instanceof StepAction.Snapshot snapshot) {
                return snapshot(run, snapshot);
            } else if (action instanceof StepAction.Restore restore) {
                return restore(run, restore);
            } else if (action instanceof StepAction.VerifyData verify) {
                return verify(run, verify);
            }
            return StepResult.failed("not a database step: " + run.step().kind().key());
        } catch (DatabaseException e) {
            return StepResult.failed(e.getMessage() + " [" + e.code().code() + "]");
        } catch (SessionValues.UnboundVariableException e) {
            return StepResult.failed("cannot run: " + e.getMessage());
        }
    }

    private DatabaseSteps database(StepRun run, String name) throws SessionValues.UnboundVariableException {
        return databases.apply(run.bindings().bind(name));
    }

    private StepResult sql(StepRun run, StepAction.Sql sql) throws SessionValues.UnboundVariableException {
        List<String> parameters = new ArrayList<>();
        for (String parameter : sql.parameters()) {
            parameters.add(run.bindings().bind(parameter));
        }
        SqlRequest request = SqlRequest.binding(
                sql.statement(),
                parameters,
                name -> run.bindings().valueOf(name),
                run.step().expect(),
                sql.journalRows());
        SqlOutcome outcome = database(run, sql.database())
                .sql(run.step().timeout().map(request::withTimeout).orElse(request));
        printTable(run, outcome.shown());
        String summary = outcome.summary();
        return outcome.passed()
                ? StepResult.succeeded(summary, outcome.outputs())
                : StepResult.failed(summary + "; " + String.join("; ", outcome.failures()), outcome.outputs());
    }

    private StepResult preflight(StepRun run, StepAction.Preflight preflight)
            throws SessionValues.UnboundVariableException {
        PreflightReport report =
                database(run, preflight.database()).preflight(Optional.empty(), PreflightThresholds.defaults());
        printTable(run, report.table().render());
        String summary = report.summary();
        Map<String, String> outputs = new LinkedHashMap<>(report.outputs());
        outputs.put(StepRecord.WARNINGS, Long.toString(report.count(CheckStatus.WARNING)));
        return report.passed() ? StepResult.succeeded(summary, outputs) : StepResult.failed(summary, outputs);
    }

    private StepResult backup(StepRun run, StepAction.Backup backup) throws SessionValues.UnboundVariableException {
        String directory = backup.directory().isPresent()
                ? run.bindings().bind(backup.directory().get())
                : "/var/backups";
        BackupArtifact artifact =
                database(run, backup.database()).backup(backup.format(), directory, run.timeoutOr(TOOL_TIMEOUT));
        artifacts.remember(run.step().id(), artifact);
        return StepResult.succeeded(
                "backup " + artifact.file() + " (" + artifact.sizeBytes() + " bytes, SHA-256 "
                        + artifact.sha256().substring(0, 12) + "…) verified",
                artifact.outputs());
    }

    private StepResult snapshot(StepRun run, StepAction.Snapshot snapshot)
            throws SessionValues.UnboundVariableException {
        SnapshotRecord record =
                database(run, snapshot.database()).snapshot(OperatorConsent.terminateSessions(run.operator()));
        artifacts.remember(run.step().id(), record);
        return StepResult.succeeded(
                "snapshot " + record.snapshot() + " of " + record.source() + " in "
                        + record.elapsed().toMillis() + " ms",
                record.outputs());
    }

    private StepResult restore(StepRun run, StepAction.Restore restore) throws SessionValues.UnboundVariableException {
        String name = run.bindings().bind(restore.database());
        Optional<String> from = restore.from().isPresent()
                ? Optional.of(run.bindings().bind(restore.from().get()))
                : Optional.empty();
        RestoreChoice choice = RestoreChoice.of(run.state(), name, from);
        if (choice instanceof RestoreChoice.Nothing nothing) {
            return StepResult.failed(nothing.reason());
        }
        // after a resume the artefacts are rebuilt from the journal, which names the database as the inventory does
        String serverDatabase =
                run.inventory().database(name).map(entry -> entry.database()).orElse(name);
        Optional<SnapshotRecord> snapshot = choice instanceof RestoreChoice.Snapshot chosen
                ? Optional.of(artifacts.snapshot(chosen, name, serverDatabase, run.state()))
                : Optional.empty();
        Optional<BackupArtifact> backup = choice instanceof RestoreChoice.Dump chosen
                ? Optional.of(artifacts.backup(chosen, name, serverDatabase, run.state()))
                : Optional.empty();
        run.output().line("database", OutputSink.Stream.STDOUT, "restoring " + name + ": " + choice.describe());
        RestoreOutcome outcome = databases
                .apply(name)
                .restore(
                        snapshot,
                        backup,
                        OperatorConsent.terminateSessions(run.operator()),
                        run.timeoutOr(TOOL_TIMEOUT));
        String source =
                (outcome instanceof RestoreOutcome.FromSnapshot ? "snapshot " : "verified backup ") + outcome.from();
        return StepResult.succeeded(
                "restored " + name + " from " + source + " in "
                        + outcome.elapsed().toMillis() + " ms",
                Map.of("from", outcome.from()));
    }

    private StepResult verify(StepRun run, StepAction.VerifyData verify) throws SessionValues.UnboundVariableException {
        DatabaseSteps database = database(run, verify.database());
        if (verify.compareTo().isEmpty()) {
            DataFingerprint fingerprint = database.captureData(verify.tables(), verify.hashColumns());
            artifacts.remember(run.step().id(), fingerprint);
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("tables", String.join(",", fingerprint.tables().keySet()));
            outputs.put("fingerprint", FingerprintJson.write(fingerprint));
            return StepResult.succeeded("recorded " + fingerprint.tables().size() + " tables", outputs);
        }
        String before = verify.compareTo().get();
        DataFingerprint earlier = artifacts.fingerprintOf(before, run.state()).orElse(null);
        if (earlier == null) {
            return StepResult.failed("step '" + before + "' recorded no data in this session to compare with");
        }
        DataComparison comparison = database.compareData(earlier);
        printTable(run, comparison.table().render());
        Map<String, String> outputs = Map.of("differences", String.valueOf(comparison.failingDifferences()));
        return comparison.matches()
                ? StepResult.succeeded("data matches step '" + before + "'", outputs)
                : StepResult.failed(
                        comparison.failingDifferences() + " difference(s) from step '" + before + "'", outputs);
    }

    private static void printTable(StepRun run, String table) {
        table.lines().forEach(line -> run.output().line("database", OutputSink.Stream.STDOUT, line));
    }
}
