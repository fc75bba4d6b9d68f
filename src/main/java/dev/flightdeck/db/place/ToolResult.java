package dev.flightdeck.db.place;

import java.time.Duration;
import java.util.List;

/** How a tool ended; stdout is empty when it was redirected to a file. */
public record ToolResult(int exitCode, String stdout, String stderr, Duration elapsed, boolean timedOut) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /**
     * The reason in stderr, for messages: the lines that report an error (pg_restore and psql follow them with
     * the whole failing command, which says less), else the last lines.
     */
    public String stderrTail() {
        List<String> lines = stderr.strip().lines().toList();
        List<String> errors =
                lines.stream().filter(ToolResult::reportsError).limit(3).toList();
        if (!errors.isEmpty()) {
            return String.join("\n", errors);
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static boolean reportsError(String line) {
        return line.contains("error:") || line.contains("ERROR:") || line.contains("FATAL:");
    }
}
