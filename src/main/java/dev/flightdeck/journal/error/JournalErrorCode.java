package dev.flightdeck.journal.error;

/** Stable codes an operator can quote to support; the message says what to do. */
public enum JournalErrorCode {
    /** The passphrase does not open the journal or the signing key (or the header protecting the key was altered). */
    WRONG_PASSPHRASE("FD-J01"),
    /** Bytes of the journal were altered, removed or reordered somewhere other than an interrupted tail. */
    DAMAGED("FD-J02"),
    /** Writing or syncing to disk failed; the session must stop. */
    WRITE_FAILED("FD-J03"),
    /** An earlier write failed; nothing more is accepted. */
    STOPPED("FD-J04"),
    /** The journal or key file cannot be read or created. */
    UNREADABLE("FD-J05"),
    /** The journal directory holds no segment (wrong path?). */
    NOT_A_JOURNAL("FD-J06"),
    /** An exported evidence pack is inconsistent or its manifest is not signed by the given key. */
    EVIDENCE_INVALID("FD-J07"),
    /** The journal was started with another operator's signing key; only that key can continue it. */
    OTHER_SIGNING_KEY("FD-J08"),
    /** Another process (or session) is writing to the journal; one writer at a time. */
    LOCKED("FD-J09");

    private final String code;

    JournalErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
