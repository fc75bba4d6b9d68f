package dev.flightdeck.journal.format;

/**
 * The first thing found wrong in a journal: where (segment file, byte offset, sequence when known) and what.
 * A sequence of -1 means the damage is outside any record (a header); an offset of -1, that it is not at a place in
 * a file (a short hash the change ticket expects).
 */
public record JournalProblem(String segment, long offset, long sequence, String what) {

    public String describe() {
        String record = sequence >= 0 ? ", record " + sequence : "";
        String where = offset >= 0 ? segment + " at byte " + offset : segment;
        return where + record + ": " + what;
    }
}
