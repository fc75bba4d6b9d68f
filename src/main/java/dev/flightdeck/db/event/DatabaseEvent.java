package dev.flightdeck.db.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the database capability did, for the session engine to journal. Events hold names, counts, sizes,
 * checksums and timings; never passwords, never row contents (unless a step explicitly allows rows).
 */
public sealed interface DatabaseEvent {

    /** The inventory name of the database the event is about. */
    String database();

    Instant at();

    record StatementExecuted(
            String database,
            Instant at,
            String statement,
            int parameterCount,
            long rowCount,
            String rowsSha256,
            Duration elapsed,
            boolean passed)
            implements DatabaseEvent {}

    record SessionsTerminated(String database, Instant at, String databaseName, List<Integer> processIds)
            implements DatabaseEvent {}

    record ToolRan(String database, Instant at, String place, String command, int exitCode, Duration elapsed)
            implements DatabaseEvent {}

    record BackupWritten(String database, Instant at, String file, long size, String sha256, String format)
            implements DatabaseEvent {}

    record BackupVerified(String database, Instant at, String file, String sha256, int entries)
            implements DatabaseEvent {}

    record RestoreFinished(String database, Instant at, String from, String into, Duration elapsed)
            implements DatabaseEvent {}

    record SnapshotCreated(
            String database, Instant at, String source, String snapshot, long sizeBytes, Duration elapsed)
            implements DatabaseEvent {}

    record SnapshotSwapped(String database, Instant at, String restored, String setAside, Duration elapsed)
            implements DatabaseEvent {}

    record DataCaptured(String database, Instant at, int tables, long exactRows) implements DatabaseEvent {}

    record DataCompared(String database, Instant at, int tables, int differences) implements DatabaseEvent {}

    record PreflightFinished(String database, Instant at, int ok, int warnings, int problems)
            implements DatabaseEvent {}
}
