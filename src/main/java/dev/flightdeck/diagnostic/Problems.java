package dev.flightdeck.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem in one file, so the author sees them all at once rather than one per run. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Position at, String message) {
        found.add(new Problem(file, at, Problem.Severity.ERROR, message));
    }

    public void warning(Position at, String message) {
        found.add(new Problem(file, at, Problem.Severity.WARNING, message));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** In file order, so the list reads top to bottom like the file. */
    public List<Problem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.position().line())
                        .thenComparingInt(p -> p.position().column()))
                .toList();
    }
}
