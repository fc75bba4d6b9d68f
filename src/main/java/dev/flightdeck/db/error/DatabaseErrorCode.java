package dev.flightdeck.db.error;

/** Stable codes for database failures: shown to the operator, searchable in the docs, never renumbered. */
public enum DatabaseErrorCode {
    UNREACHABLE("FD-DB-001"),
    AUTHENTICATION_FAILED("FD-DB-002"),
    PASSWORD_UNAVAILABLE("FD-DB-003"),
    PGPASS_INSECURE("FD-DB-004"),
    DATABASE_MISSING("FD-DB-005"),
    NO_RESPONSE("FD-DB-006"),
    CONNECTION_LOST("FD-DB-007"),
    STATEMENT_TIMEOUT("FD-DB-008"),
    LOCK_TIMEOUT("FD-DB-009"),
    SQL_ERROR("FD-DB-010"),
    PERMISSION_DENIED("FD-DB-011"),
    CERTIFICATE_REJECTED("FD-DB-012"),
    TOOL_MISSING("FD-DB-020"),
    TOOL_FAILED("FD-DB-021"),
    BACKUP_UNVERIFIED("FD-DB-022"),
    CHECKSUM_MISMATCH("FD-DB-023"),
    RESTORE_FAILED("FD-DB-024"),
    NOT_ENOUGH_DISK("FD-DB-030"),
    CONSENT_REQUIRED("FD-DB-031"),
    SNAPSHOT_MISSING("FD-DB-032"),
    UNKNOWN_OBJECT("FD-DB-033"),
    INVALID_REQUEST("FD-DB-034");

    private final String code;

    DatabaseErrorCode(String code) {
        this.code = code;
    }

    /** The code printed next to the message, for example {@code FD-DB-001}. */
    public String code() {
        return code;
    }
}
