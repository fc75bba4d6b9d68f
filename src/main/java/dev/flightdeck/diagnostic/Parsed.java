package dev.flightdeck.diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The result of reading a file: the value when it could be built, and every problem found.
 * A value with error problems is never used to act on; it exists so tools can still show what was read.
 */
public record Parsed<T>(Optional<T> value, List<Problem> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return value.isPresent() && problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The value, or an exception listing every error (for callers that cannot go on without it). */
    public T orElseThrow() {
        if (!isValid()) {
            throw new InvalidFileException(errors());
        }
        return value.orElseThrow();
    }
}
