package dev.flightdeck.app.cli;

import dev.flightdeck.journal.redact.LineRedaction;
import dev.flightdeck.journal.redact.Redactor;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The terminal gets what the journal gets: every line a command prints passes the journal's {@link Redactor} (one
 * redactor, whatever printed it: step labels, the rollback plan, error messages), a PEM block's body included.
 * Lines are held until their end so a secret is never split between two writes.
 */
final class RedactingWriter extends Writer {

    private final PrintWriter target;
    private final LineRedaction redaction = new LineRedaction(Redactor.patternsOnly()::redact);
    private final StringBuilder line = new StringBuilder();

    private RedactingWriter(PrintWriter target) {
        this.target = target;
    }

    static PrintWriter around(PrintWriter target) {
        return new PrintWriter(new RedactingWriter(target), true);
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                target.write(redaction.line(line.toString()));
                target.write('\n');
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            // a prompt without its line end: shown now, redacted alone
            target.write(redaction.line(line.toString()));
            line.setLength(0);
        }
        target.flush();
    }

    @Override
    public synchronized void close() {
        flush();
    }
}
