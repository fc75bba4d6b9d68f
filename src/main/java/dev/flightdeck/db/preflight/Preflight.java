package dev.flightdeck.db.preflight;

import dev.flightdeck.db.connect.DatabasePool;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.place.CommandPlace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The preflight step: looks at the server, the database host and the other sessions before anything is
 * changed, and reports ok / warning / problem per check. Read-only.
 */
public final class Preflight {

    private final DatabasePool pool;
    private final CommandPlace databaseHost;
    private final PreflightThresholds thresholds;
    private final Clock clock;
    private final DatabaseEventListener events;

    public Preflight(
            DatabasePool pool,
            CommandPlace databaseHost,
            PreflightThresholds thresholds,
            Clock clock,
            DatabaseEventListener events) {
        this.pool = pool;
        this.databaseHost = databaseHost;
        this.thresholds = thresholds;
        this.clock = clock;
        this.events = events;
    }

    /** @param backupDirectory where a backup step will write, on the database host, if the runbook has one */
    public PreflightReport run(Optional<String> backupDirectory) {
        List<CheckResult> checks = pool.withConnection(null, connection -> {
            ServerChecks server = new ServerChecks(connection, databaseHost, thresholds);
            ActivityChecks activity = new ActivityChecks(connection, thresholds);
            long size = server.databaseSize();
            List<CheckResult> results = new ArrayList<>();
            results.add(server.serverVersion());
            results.add(server.databaseSize(size));
            results.add(server.snapshotDisk(size));
            backupDirectory.ifPresent(directory -> results.add(server.backupDisk(directory, size)));
            results.add(activity.activeConnections());
            results.add(activity.longTransactions());
            results.add(activity.blockingLocks());
            results.add(server.replication());
            results.add(activity.connectionHeadroom());
            return results;
        });
        PreflightReport report =
                new PreflightReport(pool.target().name(), pool.target().database(), clock.instant(), checks);
        events.onEvent(new DatabaseEvent.PreflightFinished(
                report.inventoryName(),
                report.at(),
                (int) report.count(CheckStatus.OK),
                (int) report.count(CheckStatus.WARNING),
                (int) report.count(CheckStatus.PROBLEM)));
        return report;
    }
}
