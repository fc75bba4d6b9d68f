package dev.flightdeck.db.error;

import java.util.Optional;

/**
 * Every failure of the database capability, in words an operator can act on, with a stable code.
 * SQL errors keep what the server said ({@link #serverError()}).
 */
public class DatabaseException extends RuntimeException {

    private final DatabaseErrorCode code;
    private final transient ServerError serverError;

    public DatabaseException(DatabaseErrorCode code, String message) {
        this(code, message, null, null);
    }

    public DatabaseException(DatabaseErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public DatabaseException(DatabaseErrorCode code, String message, ServerError serverError, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.serverError = serverError;
    }

    public DatabaseErrorCode code() {
        return code;
    }

    /** What the server reported, for SQL errors: message, SQLSTATE, position, detail, hint. */
    public Optional<ServerError> serverError() {
        return Optional.ofNullable(serverError);
    }

    /** The message with its code in front, as the console and the CLI show it. */
    public String describe() {
        return code.code() + ": " + getMessage();
    }
}
