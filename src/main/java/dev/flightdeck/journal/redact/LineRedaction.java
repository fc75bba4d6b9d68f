package dev.flightdeck.journal.redact;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts one output stream line by line, as it is shown (terminal, console pane): the same {@link Redactor} as the
 * journal, plus what a single line cannot tell — the lines between a PEM block's BEGIN and END are masked too.
 * One per host and stream; thread-safe.
 */
public final class LineRedaction {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private final UnaryOperator<String> redactor;
    private String pemEnd;

    /** @param redactor the journal's redaction ({@link Redactor#redact}) */
    public LineRedaction(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    public synchronized String line(String text) {
        if (pemEnd != null) {
            if (text.contains(pemEnd)) {
                pemEnd = null;
            }
            return SecretPatterns.MASK;
        }
        Matcher begin = BEGIN.matcher(text);
        if (begin.find() && !text.contains("-----END " + begin.group(1) + "-----")) {
            pemEnd = "-----END " + begin.group(1) + "-----";
        }
        return redactor.apply(text);
    }
}
