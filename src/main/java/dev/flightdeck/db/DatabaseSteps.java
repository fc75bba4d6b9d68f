package dev.flightdeck.db;

import dev.flightdeck.db.admin.DatabaseNames;
import dev.flightdeck.db.admin.DatabaseSwap;
import dev.flightdeck.db.admin.DatabaseSwap.SwapResult;
import dev.flightdeck.db.admin.MaintenanceSession;
import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.backup.BackupRunner;
import dev.flightdeck.db.backup.RestoreRunner;
import dev.flightdeck.db.backup.RestoreRunner.RestoreResult;
import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.integrity.DataComparison;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.integrity.DataFingerprinter;
import dev.flightdeck.db.place.CommandPlace;
import dev.flightdeck.db.preflight.Preflight;
import dev.flightdeck.db.preflight.PreflightReport;
import dev.flightdeck.db.preflight.PreflightThresholds;
import dev.flightdeck.db.snapshot.SnapshotManager;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.db.sql.SqlOutcome;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.db.sql.SqlStepRunner;
import dev.flightdeck.runbook.StepAction.BackupFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a session does to one inventory database, one method per step kind. Blocking calls: run them on a
 * worker thread. Every action also reports {@link dev.flightdeck.db.event.DatabaseEvent}s to the listener.
 * Failures are {@link DatabaseException}s with a stable code and a plain-language message.
 */
public final class DatabaseSteps implements AutoCloseable {

    private final ConnectionTarget target;
    private final ConnectionTarget toolTarget;
    private final PasswordSource passwords;
    private final CommandPlace databaseHost;
    private final Clock clock;
    private final DatabaseEventListener events;
    private final DatabasePool pool;
    private final List<DatabasePool> poolsOnDatabase = new CopyOnWriteArrayList<>();
    private final MaintenanceSession maintenance;

    /**
     * @param toolTarget   how pg_dump/pg_restore/psql connect from the command place (often {@code localhost} on the database host)
     * @param databaseHost where the tools run and where free disk is measured
     */
    public DatabaseSteps(
            ConnectionTarget target,
            ConnectionTarget toolTarget,
            PasswordSource passwords,
            PoolSettings settings,
            CommandPlace databaseHost,
            Clock clock,
            DatabaseEventListener events) {
        this.target = target;
        this.toolTarget = toolTarget;
        this.passwords = passwords;
        this.databaseHost = databaseHost;
        this.clock = clock;
        this.events = events;
        this.pool = DatabasePool.open(target, passwords, settings);
        this.poolsOnDatabase.add(pool);
        this.maintenance = new MaintenanceSession(DatabasePool.open(
                target.withDatabase(DatabaseNames.maintenanceFor(target.database())), passwords, settings));
    }

    /** Tools connect the same way as Flightdeck does. */
    public static DatabaseSteps open(
            ConnectionTarget target,
            PasswordSource passwords,
            PoolSettings settings,
            CommandPlace databaseHost,
            Clock clock,
            DatabaseEventListener events) {
        return new DatabaseSteps(target, target, passwords, settings, databaseHost, clock, events);
    }

    /** {@code sql}: run, check expectations; the outcome holds a display table, row count and hash. */
    public SqlOutcome sql(SqlRequest request) {
        return new SqlStepRunner(pool, events).run(request);
    }

    /** {@code preflight}: read-only checks of the server, host and sessions. */
    public PreflightReport preflight(Optional<String> backupDirectory, PreflightThresholds thresholds) {
        return new Preflight(pool, databaseHost, thresholds, clock, events).run(backupDirectory);
    }

    /** {@code backup}: a timestamped, checksummed, verified dump in a directory on the database host. */
    public BackupArtifact backup(BackupFormat format, String directory, Duration timeout) {
        return new BackupRunner(databaseHost, clock, events).backup(toolTarget, passwords, format, directory, timeout);
    }

    /** {@code snapshot}: an instant-rollback copy on the same server. */
    public SnapshotRecord snapshot(OperatorConsent consent) {
        return snapshots().create(target.name(), target.database(), consent, List.copyOf(poolsOnDatabase));
    }

    /**
     * {@code restore}: the snapshot swapped back when this session made one (seconds at any size), else the
     * verified dump loaded into a fresh database and swapped in (a failed load leaves the database as it was).
     */
    public RestoreOutcome restore(
            Optional<SnapshotRecord> snapshot,
            Optional<BackupArtifact> backup,
            OperatorConsent consent,
            Duration timeout) {
        if (snapshot.isPresent()) {
            // A snapshot rebuilt from the journal after a resume (flightdeck rollback) knows only its name; it is of
            // this database.
            SnapshotRecord kept = snapshot.get();
            SnapshotRecord ofThisDatabase = kept.source().isBlank()
                    ? new SnapshotRecord(
                            kept.inventoryName(),
                            target.database(),
                            kept.snapshot(),
                            kept.sizeBytes(),
                            kept.createdAt(),
                            kept.elapsed())
                    : kept;
            return new RestoreOutcome.FromSnapshot(
                    snapshots().swapBack(ofThisDatabase, consent, List.copyOf(poolsOnDatabase)));
        }
        BackupArtifact artifact = backup.orElseThrow(() -> new DatabaseException(
                DatabaseErrorCode.SNAPSHOT_MISSING,
                "nothing to restore " + target.database()
                        + " from: this session made neither a snapshot nor a backup"));
        String fresh = DatabaseNames.restoreTarget(target.database(), clock.instant());
        RestoreResult load = restoreInto(artifact, fresh, timeout);
        SwapResult swap = new DatabaseSwap(maintenance, clock, events)
                .swap(target.database(), fresh, consent, List.copyOf(poolsOnDatabase), target.name());
        return new RestoreOutcome.FromBackup(load, swap);
    }

    /**
     * Loads a verified dump into a new database of the given name, with the owner, encoding and locale of this
     * database (dropped again if the load fails).
     */
    public RestoreResult restoreInto(BackupArtifact artifact, String newDatabase, Duration timeout) {
        maintenance.createEmptyLike(newDatabase, target.database());
        try {
            return new RestoreRunner(databaseHost, clock, events)
                    .restore(artifact, toolTarget, newDatabase, passwords, timeout);
        } catch (RuntimeException e) {
            maintenance.drop(newDatabase);
            throw e;
        }
    }

    /** {@code verify-data} without {@code compare-to}: record counts and hashes. */
    public DataFingerprint captureData(List<String> tables, Map<String, List<String>> hashColumns) {
        return new DataFingerprinter(pool, clock, events).capture(tables, hashColumns);
    }

    /** {@code verify-data} with {@code compare-to}: capture the same facts again and list the differences. */
    public DataComparison compareData(DataFingerprint before) {
        return new DataFingerprinter(pool, clock, events).compareWith(before);
    }

    /** Drops a snapshot or set-aside copy Flightdeck created, when the window is closed. */
    public void discardCopy(String copyName) {
        snapshots().discard(copyName);
    }

    /**
     * Another pool on the same database (the metrics panel's, say) that must also be quiesced while a snapshot,
     * swap or restore needs the database to itself; otherwise its sessions would count as someone else's.
     */
    public void quiesceAlongside(DatabasePool other) {
        poolsOnDatabase.add(other);
    }

    public DatabasePool pool() {
        return pool;
    }

    public ConnectionTarget target() {
        return target;
    }

    @Override
    public void close() {
        pool.close();
        maintenance.pool().close();
    }

    private SnapshotManager snapshots() {
        return new SnapshotManager(maintenance, databaseHost, clock, events);
    }
}
