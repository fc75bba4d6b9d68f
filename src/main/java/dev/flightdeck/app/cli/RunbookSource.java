package dev.flightdeck.app.cli;

import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.yaml.Parsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A runbook named on the command line (a built-in id or a file), with the SHA-256 of its text for the journal. */
record RunbookSource(Parsed<Runbook> parsed, String sha256) {

    static RunbookSource of(String idOrFile) throws IOException {
        String text = BuiltinRunbooks.source(idOrFile).orElse(null);
        Parsed<Runbook> parsed;
        if (text != null) {
            parsed = BuiltinRunbooks.load(idOrFile).orElseThrow();
        } else {
            Path file = Path.of(idOrFile);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("'" + idOrFile + "' is neither a built-in runbook (" + String.join(", ", BuiltinRunbooks.ids())
                        + ") nor a file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            parsed = RunbookLoader.load(file);
        }
        return new RunbookSource(parsed, RunbookDigest.sha256(text));
    }
}
