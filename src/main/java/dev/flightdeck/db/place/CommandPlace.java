package dev.flightdeck.db.place;

import java.util.Optional;

/**
 * A machine where database tools run: the operator's own ({@link LocalCommandPlace}) or the database host over
 * SSH (provided by the session engine). Paths are paths on that machine. Implementations must not pass
 * {@link ToolInvocation#password()} on a command line (it would show in {@code ps}); they deliver it as
 * {@code PGPASSWORD} in the environment of the process, and wipe their copy.
 */
public interface CommandPlace {

    /** Runs the program and waits for it; a non-zero exit is a result, not an exception. */
    ToolResult run(ToolInvocation invocation);

    /** Bytes available to an unprivileged writer on the file system holding the path (like {@code df}). */
    long freeBytes(String path);

    /** Where the executable of a tool such as {@code pg_dump} is, if installed. */
    Optional<String> locate(String tool);

    long fileSize(String path);

    /** SHA-256 of a file's content, lowercase hex ({@code sha256sum} on a remote host). */
    String sha256(String path);

    /** For messages: "this computer", "db1 (over SSH)". */
    String describe();
}
