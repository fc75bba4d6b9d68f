package dev.flightdeck.metrics.collect;

/**
 * A collector could not read its source at all (refused connection, timeout, unreadable answer). The message
 * is for the operator: what was tried and what happened. The scheduler logs it once and keeps trying.
 */
public final class CollectorException extends Exception {

    /** Stable codes, one per kind of failure. */
    public enum Code {
        /** FD-METRICS-020: the source did not answer (refused, unreachable, timed out) */
        UNREACHABLE("FD-METRICS-020"),
        /** FD-METRICS-021: the source answered with an error status */
        REFUSED("FD-METRICS-021"),
        /** FD-METRICS-022: the answer could not be read */
        UNREADABLE("FD-METRICS-022");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Code code;
    private final String reason;

    public CollectorException(Code code, String message, Throwable cause) {
        super(code.code() + ": " + message, cause);
        this.code = code;
        this.reason = message;
    }

    public CollectorException(Code code, String message) {
        this(code, message, null);
    }

    public Code code() {
        return code;
    }

    /** The message without its code. */
    public String reason() {
        return reason;
    }
}
