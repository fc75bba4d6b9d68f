package dev.flightdeck.ui.library;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A runbook in the library: built in, or opened from a file (possibly with problems). */
public record LibraryEntry(String title, String detail, Parsed<Runbook> parsed, Optional<Path> file, String sha256) {

    public static LibraryEntry builtin(Parsed<Runbook> parsed, String sha256) {
        Runbook runbook = parsed.value().orElseThrow();
        return new LibraryEntry(runbook.title(), summary(runbook), parsed, Optional.empty(), sha256);
    }

    public static LibraryEntry fromFile(Path file, Parsed<Runbook> parsed, String sha256) {
        String title = parsed.value()
                .map(Runbook::title)
                .filter(t -> !t.isBlank())
                .orElse(file.getFileName().toString());
        String detail = parsed.isValid()
                ? summary(parsed.value().orElseThrow())
                : problemCount(parsed.errors()) + " · " + file.getFileName();
        return new LibraryEntry(title, detail, parsed, Optional.of(file), sha256);
    }

    public boolean isBuiltin() {
        return file.isEmpty();
    }

    public Optional<Runbook> runbook() {
        return parsed.isValid() ? parsed.value() : Optional.empty();
    }

    private static String summary(Runbook runbook) {
        return runbook.phases().size() + " phases · " + runbook.stepCount() + " steps";
    }

    private static String problemCount(List<Problem> errors) {
        return errors.size() == 1 ? "1 problem" : errors.size() + " problems";
    }
}
