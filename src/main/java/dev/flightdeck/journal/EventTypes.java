package dev.flightdeck.journal;

/** The event types the journal itself writes; the session engine defines the others. */
public final class EventTypes {

    public static final String CHECKPOINT = "checkpoint";
    public static final String RECOVERY = "recovery";
    /** How a record left out of an evidence pack reads back from it: its type and step, never its text. */
    public static final String WITHHELD = "withheld";

    public static final String SESSION_OPENED = "session.opened";
    public static final String SESSION_CLOSED = "session.closed";
    /** The actor of records the journal writes on its own behalf. */
    public static final String FLIGHTDECK = "flightdeck";

    private EventTypes() {}
}
