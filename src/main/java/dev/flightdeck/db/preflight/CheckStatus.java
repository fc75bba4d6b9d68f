package dev.flightdeck.db.preflight;

/** How a preflight check came out, in increasing severity. */
public enum CheckStatus {
    OK,
    WARNING,
    PROBLEM;

    public CheckStatus worse(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
