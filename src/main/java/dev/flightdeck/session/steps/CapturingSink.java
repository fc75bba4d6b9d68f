package dev.flightdeck.session.steps;

import dev.flightdeck.session.OutputSink;
import java.util.HashSet;
import java.util.Set;

/**
 * Passes output on and keeps what a run step's expectations and outputs need: which hosts printed an expected
 * text, and the stdout of the first host that wrote any (its last line is {@code ${steps.ID.stdout}}).
 */
final class CapturingSink implements OutputSink {

    private static final int KEPT_CHARS = 4096;

    private final OutputSink next;
    private final String expectedText;
    private final Set<String> hostsWithText = new HashSet<>();
    private final StringBuilder firstHostStdout = new StringBuilder();
    private String firstHost;
    private String lastLine = "";

    CapturingSink(OutputSink next, String expectedText) {
        this.next = next;
        this.expectedText = expectedText;
    }

    @Override
    public void line(String host, Stream stream, String text) {
        synchronized (this) {
            if (!expectedText.isEmpty() && text.contains(expectedText)) {
                hostsWithText.add(host);
            }
            if (stream == Stream.STDOUT) {
                if (firstHost == null) {
                    firstHost = host;
                }
                if (host.equals(firstHost)) {
                    lastLine = text.isBlank() ? lastLine : text.strip();
                    if (firstHostStdout.length() < KEPT_CHARS) {
                        firstHostStdout
                                .append(text, 0, Math.min(text.length(), KEPT_CHARS - firstHostStdout.length()))
                                .append('\n');
                    }
                }
            }
        }
        next.line(host, stream, text);
    }

    synchronized boolean printedExpectedText(String host) {
        return expectedText.isEmpty() || hostsWithText.contains(host);
    }

    synchronized String lastStdoutLine() {
        return lastLine;
    }

    synchronized String stdout() {
        return firstHostStdout.toString().strip();
    }
}
