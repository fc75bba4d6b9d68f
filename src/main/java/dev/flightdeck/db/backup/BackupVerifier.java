package dev.flightdeck.db.backup;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.CommandPlace;
import dev.flightdeck.db.place.PostgresTools;
import dev.flightdeck.db.place.ToolInvocation;
import dev.flightdeck.db.place.ToolResult;
import dev.flightdeck.runbook.StepAction.BackupFormat;
import java.time.Duration;
import java.util.List;

/**
 * Proves a dump is usable before anyone relies on it. Custom format: {@code pg_restore --list} must read the
 * table of contents, then a full read-through ({@code pg_restore --file=/dev/null}) must decompress every data
 * block, which catches truncation and damaged bytes that the table of contents alone would not show. Plain
 * format: pg_dump's header and its closing "dump complete" line must both be there (a dump cut short has no
 * closing line). Before a restore, the SHA-256 recorded at backup time must still match.
 */
public final class BackupVerifier {

    private static final String PLAIN_HEADER = "-- PostgreSQL database dump";
    private static final String PLAIN_FOOTER = "-- PostgreSQL database dump complete";

    private final CommandPlace place;
    private final Duration timeout;

    public BackupVerifier(CommandPlace place, Duration timeout) {
        this.place = place;
        this.timeout = timeout;
    }

    /** @return the number of archive entries (custom) or dumped objects (plain) */
    public int verify(String file, BackupFormat format) {
        return format == BackupFormat.CUSTOM ? verifyCustom(file) : verifyPlain(file);
    }

    /** The file must still be exactly what was verified. */
    public void requireUnchanged(BackupArtifact artifact) {
        String now = place.sha256(artifact.file());
        if (!now.equals(artifact.sha256())) {
            throw new DatabaseException(
                    DatabaseErrorCode.CHECKSUM_MISMATCH,
                    "backup " + artifact.file()
                            + " has changed since it was verified (SHA-256 " + now.substring(0, 12) + "… instead of "
                            + artifact.sha256().substring(0, 12) + "…); it must not be restored");
        }
    }

    private int verifyCustom(String file) {
        String pgRestore = PostgresTools.require(place, "pg_restore");
        ToolResult list = run(List.of(pgRestore, "--list", file), file);
        int entries = (int) list.stdout()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith(";"))
                .count();
        if (entries == 0) {
            throw damaged(file, "its table of contents lists no objects");
        }
        run(List.of(pgRestore, "--file=/dev/null", file), file);
        return entries;
    }

    private int verifyPlain(String file) {
        String head = run(List.of("head", "-c", "4096", file), file).stdout();
        String tail = run(List.of("tail", "-c", "4096", file), file).stdout();
        if (!head.contains(PLAIN_HEADER)) {
            throw damaged(file, "it does not start like a pg_dump plain-SQL dump");
        }
        if (!tail.contains(PLAIN_FOOTER)) {
            throw damaged(file, "it does not end with pg_dump's \"dump complete\" line, so it was cut short");
        }
        ToolResult objects = place.run(ToolInvocation.of(List.of("grep", "-c", "^-- Name: ", file), timeout));
        return objects.exitCode() <= 1
                ? Integer.parseInt(
                        objects.stdout().strip().isEmpty()
                                ? "0"
                                : objects.stdout().strip())
                : 0;
    }

    private ToolResult run(List<String> argv, String file) {
        ToolResult result = place.run(ToolInvocation.of(argv, timeout));
        if (!result.succeeded()) {
            throw damaged(
                    file,
                    result.timedOut()
                            ? "reading it took longer than " + timeout.toSeconds() + " s"
                            : argv.get(0) + " failed: " + result.stderrTail());
        }
        return result;
    }

    private DatabaseException damaged(String file, String why) {
        return new DatabaseException(
                DatabaseErrorCode.BACKUP_UNVERIFIED,
                "backup " + file + " on " + place.describe() + " failed verification: " + why);
    }
}
