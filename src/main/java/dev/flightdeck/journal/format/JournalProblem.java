package dev.flightdeck.journal.format;

/**
 * The first thing found wrong in a journal: where (segment file, byte offset, sequence when known) and what.
 * A sequence of -1 means the damage is outside any record (a header).
 */
public record JournalProblem(String segment, long offset, long sequence, String what) {

    public String describe() {
        String record = sequence >= 0 ? ", record " + sequence : "";
        return segment + " at byte " + offset + record + ": " + what;
    }
}
