package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.ChainHash;
import java.time.Instant;

/**
 * A signed statement "the session had exactly these records up to {@code coveredSequence}, ending in
 * {@code chainHash}". {@link #shortHash()} is what the operator copies into the change ticket: a reviewer who
 * finds it in the journal knows nothing up to that point was cut off or changed. The checkpoint written by
 * {@link JournalWriter#closeSession(String)} {@code closesSession}: a journal that does not end with one was
 * either still open or cut short.
 */
public record Checkpoint(
        long sequence,
        long coveredSequence,
        Instant time,
        String reason,
        boolean closesSession,
        byte[] chainHash,
        byte[] signature) {

    public String shortHash() {
        return ChainHash.shortForm(chainHash);
    }

    /** How a replay shows it: an entry of type {@code checkpoint} written by {@code flightdeck}. */
    public JournalEntry asEntry() {
        return new JournalEntry(
                sequence,
                time,
                EventTypes.CHECKPOINT,
                EventTypes.FLIGHTDECK,
                JournalJson.object()
                        .put("reason", reason)
                        .put("covers", coveredSequence)
                        .put("shortHash", shortHash())
                        .put("closesSession", closesSession)
                        .put("chainHash", Sha256.hex(chainHash)));
    }
}
