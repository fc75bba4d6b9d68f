package dev.flightdeck.journal.redact;

/** How much of one step's output stream is kept: the first {@code headChars} and the last {@code tailChars}. */
public record OutputLimits(int headChars, int tailChars) {

    public OutputLimits {
        if (headChars < 0 || tailChars < 0) {
            throw new IllegalArgumentException("output limits cannot be negative");
        }
    }

    /** 32 K characters at each end: enough for any diagnosis, small enough that a runaway command cannot fill the disk. */
    public static OutputLimits defaults() {
        return new OutputLimits(32 * 1024, 32 * 1024);
    }
}
