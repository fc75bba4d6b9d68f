package dev.flightdeck.db;

import dev.flightdeck.db.admin.DatabaseSwap.SwapResult;
import dev.flightdeck.db.backup.RestoreRunner.RestoreResult;
import java.time.Duration;
import java.util.Map;

/** How a {@code restore} step brought a database back: by swapping in a snapshot, or from a verified dump. */
public sealed interface RestoreOutcome {

    SwapResult swap();

    /** What the database came back from (snapshot name or dump file): the {@code from} output. */
    String from();

    Duration elapsed();

    default Map<String, String> outputs() {
        return Map.of("from", from());
    }

    record FromSnapshot(SwapResult swap) implements RestoreOutcome {
        public String from() {
            return swap.restoredFrom();
        }

        public Duration elapsed() {
            return swap.elapsed();
        }
    }

    /** The dump was loaded into a fresh database first, then swapped in, so a failed load changes nothing. */
    record FromBackup(RestoreResult load, SwapResult swap) implements RestoreOutcome {
        public String from() {
            return load.from();
        }

        public Duration elapsed() {
            return load.elapsed().plus(swap.elapsed());
        }
    }
}
