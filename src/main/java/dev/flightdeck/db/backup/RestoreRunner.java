package dev.flightdeck.db.backup;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.place.CommandPlace;
import dev.flightdeck.db.place.PostgresTools;
import dev.flightdeck.db.place.ToolInvocation;
import dev.flightdeck.db.place.ToolResult;
import dev.flightdeck.runbook.StepAction.BackupFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a verified dump into an (empty) database, never carrying on after an error: {@code pg_restore
 * --exit-on-error --single-transaction} for custom dumps, {@code psql -v ON_ERROR_STOP=1 --single-transaction}
 * for plain SQL. Either everything is restored or nothing is.
 */
public final class RestoreRunner {

    private final CommandPlace place;
    private final Clock clock;
    private final DatabaseEventListener events;

    public RestoreRunner(CommandPlace place, Clock clock, DatabaseEventListener events) {
        this.place = place;
        this.clock = clock;
        this.events = events;
    }

    /** What was restored where, and how long it took. */
    public record RestoreResult(String from, String into, Duration elapsed) {}

    /**
     * @param server       connection to the server (its database field is ignored)
     * @param intoDatabase an existing, empty database
     */
    public RestoreResult restore(
            BackupArtifact artifact,
            ConnectionTarget server,
            String intoDatabase,
            PasswordSource passwords,
            Duration timeout) {
        new BackupVerifier(place, timeout).requireUnchanged(artifact);
        List<String> argv = artifact.format() == BackupFormat.CUSTOM
                ? pgRestore(artifact, server, intoDatabase)
                : psql(artifact, server, intoDatabase);
        ToolResult result = ToolRunning.run(place, ToolInvocation.of(argv, timeout), server, passwords, clock, events);
        if (!result.succeeded()) {
            throw new DatabaseException(
                    DatabaseErrorCode.RESTORE_FAILED,
                    "restore of " + artifact.file() + " into "
                            + intoDatabase + " stopped "
                            + (result.timedOut()
                                    ? "after " + timeout.toSeconds() + " s (timed out)"
                                    : "at the first error")
                            + " and was rolled back, nothing was kept: " + result.stderrTail());
        }
        events.onEvent(new DatabaseEvent.RestoreFinished(
                server.name(), clock.instant(), artifact.file(), intoDatabase, result.elapsed()));
        return new RestoreResult(artifact.file(), intoDatabase, result.elapsed());
    }

    private List<String> pgRestore(BackupArtifact artifact, ConnectionTarget server, String intoDatabase) {
        List<String> argv = new ArrayList<>(
                List.of(PostgresTools.require(place, "pg_restore"), "--exit-on-error", "--single-transaction"));
        argv.addAll(ConnectionArguments.forDatabase(server, intoDatabase));
        argv.add(artifact.file());
        return argv;
    }

    private List<String> psql(BackupArtifact artifact, ConnectionTarget server, String intoDatabase) {
        List<String> argv = new ArrayList<>(List.of(
                PostgresTools.require(place, "psql"),
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                "--single-transaction"));
        argv.addAll(ConnectionArguments.forDatabase(server, intoDatabase));
        argv.add("--file=" + artifact.file());
        return argv;
    }
}
