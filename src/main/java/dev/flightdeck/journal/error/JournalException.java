package dev.flightdeck.journal.error;

/** A journal failure at the boundary, with a message an operator can act on and a stable code. */
public final class JournalException extends RuntimeException {

    private final JournalErrorCode errorCode;

    public JournalException(JournalErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public JournalException(JournalErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public JournalErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [" + errorCode.code() + "]";
    }
}
