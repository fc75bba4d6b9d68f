package dev.flightdeck.journal.redact;

import dev.flightdeck.journal.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Collects one step's output stream (stdout or stderr of one host) as it arrives, keeping only the head and the
 * tail so a runaway command cannot fill the disk, and returns it redacted when the step ends. In sensitive mode
 * (outputs that may hold PHI) no text is kept at all, only the size and SHA-256. Not thread-safe: one per stream.
 */
public final class OutputCapture {

    private final Redactor redactor;
    private final OutputLimits limits;
    private final boolean sensitive;
    private final int margin;
    private final MessageDigest digest = Sha256.newDigest();
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long totalBytes;
    private long droppedBytes;

    OutputCapture(Redactor redactor, OutputLimits limits, boolean sensitive) {
        this.redactor = redactor;
        this.limits = limits;
        this.sensitive = sensitive;
        // extra characters kept around each cut so a secret crossing it is still recognised and masked
        this.margin = redactor.longestForm() + 64;
    }

    public void append(String chunk) {
        byte[] utf8 = chunk.getBytes(StandardCharsets.UTF_8);
        digest.update(utf8);
        totalBytes += utf8.length;
        if (sensitive) {
            return;
        }
        int headRoom = limits.headChars() + margin - head.length();
        int toHead = Math.max(0, Math.min(headRoom, chunk.length()));
        head.append(chunk, 0, toHead);
        tail.append(chunk, toHead, chunk.length());
        int keep = limits.tailChars() + margin;
        if (tail.length() > 2 * keep) {
            int drop = tail.length() - keep;
            droppedBytes += tail.substring(0, drop).getBytes(StandardCharsets.UTF_8).length;
            tail.delete(0, drop);
        }
    }

    public CapturedOutput finish() {
        String sha256 = Sha256.hex(digest.digest());
        if (sensitive) {
            return new CapturedOutput("", totalBytes, totalBytes, sha256, true);
        }
        String whole = head.toString() + tail;
        if (droppedBytes == 0 && whole.length() <= limits.headChars() + limits.tailChars()) {
            return new CapturedOutput(redactor.redact(whole), totalBytes, 0, sha256, false);
        }
        // with nothing dropped, head and tail are cut from one text, so a secret across the middle is seen whole
        String headSource = droppedBytes == 0 ? whole : head.toString();
        String tailSource = droppedBytes == 0 ? whole : tail.toString();
        int headEnd = Math.min(limits.headChars(), headSource.length());
        int tailStart = Math.max(0, tailSource.length() - limits.tailChars());
        String keptHead = redactor.redactRange(headSource, 0, headEnd);
        String keptTail = redactor.redactRange(tailSource, tailStart, tailSource.length());
        long elided = totalBytes
                - utf8Length(headSource, 0, headEnd)
                - utf8Length(tailSource, tailStart, tailSource.length());
        String marker = "\n[… " + elided + " bytes of output not kept …]\n";
        return new CapturedOutput(keptHead + marker + keptTail, totalBytes, elided, sha256, false);
    }

    private static long utf8Length(CharSequence text, int from, int to) {
        return text.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
