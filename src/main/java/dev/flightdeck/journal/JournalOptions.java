package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.storage.Storage;
import java.time.Clock;

/**
 * How a journal is written: KDF cost for new journals, where bytes go, the clock that stamps entries, and who writes
 * (named in the writer lock a second opener is refused with).
 */
public record JournalOptions(KdfCost kdfCost, Storage storage, Clock clock, String operator) {

    public JournalOptions(KdfCost kdfCost, Storage storage, Clock clock) {
        this(kdfCost, storage, clock, System.getProperty("user.name", ""));
    }

    public static JournalOptions defaults() {
        return new JournalOptions(KdfCost.production(), Storage.files(), Clock.systemUTC());
    }

    public JournalOptions withStorage(Storage other) {
        return new JournalOptions(kdfCost, other, clock, operator);
    }

    public JournalOptions withOperator(String name) {
        return new JournalOptions(kdfCost, storage, clock, name);
    }
}
