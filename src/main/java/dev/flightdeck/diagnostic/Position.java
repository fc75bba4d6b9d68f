package dev.flightdeck.diagnostic;

/** A place in a source file, 1-based as editors and compilers show it. */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? line + ":" + column : "?";
    }
}
