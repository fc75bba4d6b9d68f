package dev.flightdeck.app.cli;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads the inventory named on the command line, printing its problems; none named is the empty inventory. */
final class InventoryFiles {

    private InventoryFiles() {}

    static Optional<Inventory> read(Path file, PrintWriter err) throws IOException {
        return read(file, System.getenv(), err);
    }

    /** The environment supplies libpq's defaults (PGHOST, PGSERVICE, ...) for database entries that leave them out. */
    static Optional<Inventory> read(Path file, Map<String, String> environment, PrintWriter err) throws IOException {
        if (file == null) {
            return Optional.of(Inventory.empty());
        }
        Parsed<Inventory> parsed = InventoryLoader.load(file, environment);
        parsed.problems().forEach(problem -> err.println(problem.format()));
        return parsed.isValid() ? parsed.value() : Optional.empty();
    }
}
