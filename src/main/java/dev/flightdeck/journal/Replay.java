package dev.flightdeck.journal;

import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.TornTail;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A journal read back in order: every readable entry (the session engine folds these into its state), the
 * checkpoints among them, interrupted writes found at the end (recovery findings, never silent), and the first
 * problem if the journal was damaged or altered (entries stop just before it). {@code openings} holds the salt and
 * exact plaintext of every entry whose content is committed (format 2), for the evidence pack; empty for a replay
 * that has none (format 1, or read from a pack).
 */
public record Replay(
        UUID sessionId,
        List<JournalEntry> entries,
        List<Checkpoint> checkpoints,
        List<TornTail> tornTails,
        Optional<JournalProblem> problem,
        ScannedJournal scan,
        List<RecordOpening> openings) {

    public boolean isIntact() {
        return problem.isEmpty();
    }

    /** True when the last record is a checkpoint: nothing after the last signature could have been cut off unnoticed. */
    public boolean isSealed() {
        return !entries.isEmpty()
                && EventTypes.CHECKPOINT.equals(entries.get(entries.size() - 1).type());
    }

    /** True when the journal ends with the checkpoint that closed the session: nothing was cut off at the end. */
    public boolean isClosed() {
        return isSealed() && checkpoints.get(checkpoints.size() - 1).closesSession();
    }

    public long entriesAfterLastCheckpoint() {
        long lastCheckpoint = checkpoints.isEmpty()
                ? 0
                : checkpoints.get(checkpoints.size() - 1).sequence();
        return entries.stream()
                .filter(entry -> entry.sequence() > lastCheckpoint)
                .count();
    }

    public long lastSequence() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
    }

    /**
     * Torn records (not torn segment headers) no later segment has recorded. At most one can exist: a record can
     * only be torn in a segment whose header is complete, and that header records every earlier tear.
     */
    public long unrecordedTornRecords() {
        return unrecordedTears().stream().filter(tear -> !tear.inHeader()).count();
    }

    /** Interrupted writes no later segment has recorded yet (reopening the journal records them). */
    public List<TornTail> unrecordedTears() {
        return tornTails.stream().filter(tear -> !tear.acknowledged()).toList();
    }
}
