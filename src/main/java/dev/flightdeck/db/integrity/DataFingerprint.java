package dev.flightdeck.db.integrity;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The integrity snapshot of a database at one moment: facts per table, keyed by schema-qualified name. */
public record DataFingerprint(
        String inventoryName, String database, Instant capturedAt, Map<String, TableFacts> tables) {

    public DataFingerprint {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public long exactRows() {
        return tables.values().stream()
                .mapToLong(facts -> facts.exactRows().orElse(0))
                .sum();
    }
}
