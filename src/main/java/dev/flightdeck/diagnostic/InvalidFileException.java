package dev.flightdeck.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/** A file that could not be used, with every problem in it. */
public final class InvalidFileException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
