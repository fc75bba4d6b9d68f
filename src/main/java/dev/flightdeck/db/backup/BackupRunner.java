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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes a timestamped {@code pg_dump} on a command place, checksums it and verifies it ({@link BackupVerifier}). */
public final class BackupRunner {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CommandPlace place;
    private final Clock clock;
    private final DatabaseEventListener events;

    public BackupRunner(CommandPlace place, Clock clock, DatabaseEventListener events) {
        this.place = place;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param target    how the tool connects (from the database host this is often {@code localhost})
     * @param directory a directory on the command place
     */
    public BackupArtifact backup(
            ConnectionTarget target,
            PasswordSource passwords,
            BackupFormat format,
            String directory,
            Duration timeout) {
        String pgDump = PostgresTools.require(place, "pg_dump");
        Instant at = clock.instant();
        String file = directory.replaceAll("/+$", "") + "/" + fileName(target.database(), at, format);
        List<String> argv = new ArrayList<>(List.of(
                pgDump, format == BackupFormat.CUSTOM ? "--format=custom" : "--format=plain", "--file=" + file));
        argv.addAll(ConnectionArguments.forDatabase(target, target.database()));
        ToolResult result = runWithPassword(ToolInvocation.of(argv, timeout), target, passwords);
        if (!result.succeeded()) {
            place.run(ToolInvocation.of(List.of("rm", "-f", "--", file), Duration.ofSeconds(30)));
            throw new DatabaseException(
                    DatabaseErrorCode.TOOL_FAILED,
                    "pg_dump of " + target.database() + " on " + place.describe() + " failed"
                            + (result.timedOut() ? " (timed out)" : "") + ": " + result.stderrTail());
        }
        long size = place.fileSize(file);
        String sha256 = place.sha256(file);
        events.onEvent(
                new DatabaseEvent.BackupWritten(target.name(), clock.instant(), file, size, sha256, format.name()));
        int entries = new BackupVerifier(place, timeout).verify(file, format);
        events.onEvent(new DatabaseEvent.BackupVerified(target.name(), clock.instant(), file, sha256, entries));
        return new BackupArtifact(target.name(), target.database(), file, format, size, sha256, entries, at);
    }

    private ToolResult runWithPassword(ToolInvocation invocation, ConnectionTarget target, PasswordSource passwords) {
        return ToolRunning.run(place, invocation, target, passwords, clock, events);
    }

    static String fileName(String database, Instant at, BackupFormat format) {
        String safe = database.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe + "_" + STAMP.format(at) + (format == BackupFormat.CUSTOM ? ".dump" : ".sql");
    }
}
