package dev.flightdeck.db.place;

import java.time.Duration;

/** How a tool ended; stdout is empty when it was redirected to a file. */
public record ToolResult(int exitCode, String stdout, String stderr, Duration elapsed, boolean timedOut) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** The last lines of stderr, for messages (tools put the reason last). */
    public String stderrTail() {
        String trimmed = stderr.strip();
        String[] lines = trimmed.split("\n");
        int from = Math.max(0, lines.length - 5);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
