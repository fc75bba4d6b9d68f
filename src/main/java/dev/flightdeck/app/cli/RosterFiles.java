package dev.flightdeck.app.cli;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.RosterLoader;
import dev.flightdeck.diagnostic.Parsed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a roster for a command, printing each problem as FILE:LINE:COLUMN: message. */
final class RosterFiles {

    private RosterFiles() {}

    static Optional<Roster> read(Path file, PrintWriter err) {
        try {
            Parsed<Roster> parsed = RosterLoader.load(file);
            parsed.problems().forEach(problem -> err.println(problem.format()));
            err.flush();
            return parsed.isValid() ? parsed.value() : Optional.empty();
        } catch (IOException e) {
            err.println("flightdeck: cannot read the roster " + file + " (" + e.getMessage() + ")");
            err.flush();
            return Optional.empty();
        }
    }
}
