package dev.flightdeck.diagnostic;

/**
 * One thing wrong with a file, located precisely enough to fix it without searching.
 * Printed like a compiler message: {@code FILE:LINE:COLUMN: message}.
 */
public record Problem(String file, Position position, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code runbook.yaml:12:7: unknown key 'tittle' (did you mean 'title'?)}; warnings say so. */
    public String format() {
        String where = position.isKnown() ? file + ":" + position.line() + ":" + position.column() : file;
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return where + ": " + prefix + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
