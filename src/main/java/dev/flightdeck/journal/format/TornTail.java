package dev.flightdeck.journal.format;

/**
 * An incomplete write at the end of a segment (a crash or power loss mid-append). Accepted only at the end of
 * the last segment, or when the next segment's header records exactly this cut ({@code acknowledged}).
 * {@code afterSequence} is the last complete record before the cut.
 */
public record TornTail(
        String segment, long offset, long afterSequence, long bytes, boolean inHeader, boolean acknowledged) {

    TornTail acknowledge() {
        return new TornTail(segment, offset, afterSequence, bytes, inHeader, true);
    }

    public String describe() {
        String where = inHeader ? "the segment header" : "the record after " + afterSequence;
        return segment + ": " + bytes + " bytes of an interrupted write at byte " + offset + " (" + where + ")"
                + (acknowledged ? ", recorded on reopening" : ", not yet recorded by a reopening");
    }
}
