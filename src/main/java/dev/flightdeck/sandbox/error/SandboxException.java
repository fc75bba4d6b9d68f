package dev.flightdeck.sandbox.error;

/** The rehearsal sandbox could not start or stop cleanly; {@link #code()} is stable, the message says what to do. */
public final class SandboxException extends RuntimeException {

    /** Stable codes, as the console and the CLI show them. */
    public enum Code {
        /** The directory given for the sandbox holds files that are not an earlier sandbox's. */
        DIRECTORY_IN_USE("FD-SANDBOX-001"),
        /** The embedded PostgreSQL server did not start or the clinic data could not be loaded. */
        DATABASE_FAILED("FD-SANDBOX-002"),
        /** An SSH host or the clinic app could not listen on a loopback port. */
        SERVICE_FAILED("FD-SANDBOX-003"),
        /** A tool the rehearsal needs (pg_dump, pg_restore, psql 15 or newer) is not installed: see {@link SandboxRequirements}. */
        TOOL_MISSING("FD-SANDBOX-004");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Code code;

    public SandboxException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SandboxException(Code code, String message) {
        this(code, message, null);
    }

    public Code code() {
        return code;
    }

    /** The message with its code in front. */
    public String describe() {
        return code.code() + ": " + getMessage();
    }
}
