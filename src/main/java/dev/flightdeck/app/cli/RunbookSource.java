package dev.flightdeck.app.cli;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.JournaledSources;
import dev.flightdeck.session.SessionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A runbook named on the command line (a built-in id or a file), with the SHA-256 of its text for the journal. */
record RunbookSource(Parsed<Runbook> parsed, String sha256) {

    /** The runbook the journal holds (its text is kept in session.opened); older journals: the built-in of the same id. */
    static RunbookSource fromJournal(SessionEvent.SessionOpened opened, Path journal) throws IOException {
        Optional<Parsed<Runbook>> kept = JournaledSources.runbookOf(opened);
        if (kept.isPresent()) {
            return new RunbookSource(kept.get(), opened.runbookSha256());
        }
        if (BuiltinRunbooks.source(opened.runbookId()).isPresent()) {
            return of(opened.runbookId());
        }
        throw new IllegalArgumentException(journal + " was written before journals kept their runbook, and '"
                + opened.runbookId() + "' is not a built-in runbook: pass --runbook with the file the session ran");
    }

    static RunbookSource of(String idOrFile) throws IOException {
        String text = BuiltinRunbooks.source(idOrFile).orElse(null);
        Parsed<Runbook> parsed;
        if (text != null) {
            parsed = BuiltinRunbooks.load(idOrFile).orElseThrow();
        } else {
            Path file = Path.of(idOrFile);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("'" + idOrFile + "' is neither a built-in runbook ("
                        + String.join(", ", BuiltinRunbooks.ids()) + ") nor a file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            parsed = RunbookLoader.load(file);
        }
        return new RunbookSource(parsed, RunbookDigest.sha256(text));
    }
}
