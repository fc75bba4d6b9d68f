package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every judgement the Markdown importer made, with the line of the document it concerns: a block split or kept
 * whole, output lines dropped from a transcript, a section moved to the rollback plan, a step made optional.
 * A person reviews these guesses instead of the whole document.
 */
public final class ImportReport {

    /** One judgement; {@code line} is 1-based in the original document. */
    public record Judgement(int line, String text) {}

    private final List<Judgement> judgements = new ArrayList<>();

    void note(int line, String text) {
        judgements.add(new Judgement(line, text));
    }

    /** In document order. */
    public List<Judgement> judgements() {
        return judgements.stream()
                .sorted(Comparator.comparingInt(Judgement::line))
                .toList();
    }

    /** One line per judgement, {@code SOURCE:LINE: text}, like a compiler's messages. */
    public String format(String source) {
        StringBuilder out = new StringBuilder();
        for (Judgement judgement : judgements()) {
            out.append(source)
                    .append(':')
                    .append(judgement.line())
                    .append(": ")
                    .append(judgement.text())
                    .append('\n');
        }
        return out.toString();
    }
}
