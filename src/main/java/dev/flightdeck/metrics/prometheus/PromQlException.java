package dev.flightdeck.metrics.prometheus;

/**
 * A PromQL query could not be answered: the server was unreachable, answered an HTTP error (with Prometheus's own
 * error type and text), or answered something that is not the HTTP API's JSON. The message says which, for the
 * operator; it never holds a credential.
 */
public final class PromQlException extends Exception {

    public PromQlException(String message) {
        super(message);
    }

    public PromQlException(String message, Throwable cause) {
        super(message, cause);
    }
}
