package dev.flightdeck.journal.format;

/** What a frame carries: an encrypted entry, or a signed checkpoint kept in the clear for offline verification. */
public enum FrameType {
    ENTRY(1),
    CHECKPOINT(2);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns null for an unknown code. */
    public static FrameType ofCode(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
