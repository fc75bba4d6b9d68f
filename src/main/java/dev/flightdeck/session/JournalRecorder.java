package dev.flightdeck.session;

import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalWriter;
import dev.flightdeck.journal.redact.CapturedOutput;
import dev.flightdeck.journal.redact.OutputCapture;
import dev.flightdeck.journal.redact.OutputLimits;
import dev.flightdeck.journal.redact.Redactor;
import java.util.Optional;

/** The session's events in the encrypted, hash-chained journal; secrets masked before anything is written. */
public final class JournalRecorder implements SessionRecorder {

    private final JournalWriter writer;
    private final Redactor redactor;
    private final OutputLimits limits;
    private volatile String lastCheckpoint;

    /** @param lastCheckpoint the newest checkpoint already in the journal (a resumed one), or null */
    public JournalRecorder(JournalWriter writer, Redactor redactor, OutputLimits limits, String lastCheckpoint) {
        this.writer = writer;
        this.redactor = redactor;
        this.limits = limits;
        this.lastCheckpoint = lastCheckpoint;
    }

    @Override
    public Recorded record(String actor, SessionEvent event) {
        JournalEntry entry = writer.append(event.type(), actor, SessionEventCodec.encode(event));
        return new Recorded(entry.sequence(), entry.time(), entry.actor(), event);
    }

    @Override
    public String checkpoint(String reason) {
        lastCheckpoint = writer.checkpoint(reason).shortHash();
        return lastCheckpoint;
    }

    @Override
    public String closeSession(String reason) {
        lastCheckpoint = writer.closeSession(reason).shortHash();
        return lastCheckpoint;
    }

    @Override
    public String chainHead() {
        return writer.chainHead();
    }

    @Override
    public Optional<String> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public OutputCollector collectOutput(boolean sensitive) {
        OutputCapture capture = redactor.capture(limits, sensitive);
        return new OutputCollector() {
            @Override
            public void append(String line) {
                capture.append(line + "\n");
            }

            @Override
            public String finish() {
                CapturedOutput captured = capture.finish();
                if (captured.sensitive()) {
                    return "(sensitive output withheld: " + captured.totalBytes() + " bytes, SHA-256 "
                            + captured.sha256() + ")";
                }
                return captured.text();
            }
        };
    }

    public JournalWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
        redactor.close();
    }
}
