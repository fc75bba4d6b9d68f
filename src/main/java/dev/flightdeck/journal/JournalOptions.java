package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.storage.Storage;
import java.time.Clock;

/** How a journal is written: KDF cost for new journals, where bytes go, and the clock that stamps entries. */
public record JournalOptions(KdfCost kdfCost, Storage storage, Clock clock) {

    public static JournalOptions defaults() {
        return new JournalOptions(KdfCost.production(), Storage.files(), Clock.systemUTC());
    }

    public JournalOptions withStorage(Storage other) {
        return new JournalOptions(kdfCost, other, clock);
    }
}
