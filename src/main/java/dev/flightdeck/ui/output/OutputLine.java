package dev.flightdeck.ui.output;

/**
 * One line as the console keeps it: deliberately small (no nodes, no styling), so 50,000 of them cost a few
 * megabytes and the list view only builds cells for the rows on screen.
 *
 * @param number position among the lines the console took in since the last clear, starting at 1 (0 for the
 *               dropped-lines marker); lines dropped while still waiting are counted, not numbered
 * @param host   the host that wrote the line; empty for separators and markers
 */
public record OutputLine(long number, LineKind kind, String host, String text) {

    public OutputLine {
        host = host == null ? "" : host;
        text = text == null ? "" : text;
    }

    public boolean isStderr() {
        return kind == LineKind.STDERR;
    }

    /** The text as the operator reads and copies it: with a host column when several hosts write. */
    public String displayText(int hostColumnWidth) {
        if (hostColumnWidth <= 0 || kind.belongsToEveryHost()) {
            return text;
        }
        StringBuilder row = new StringBuilder(hostColumnWidth + 3 + text.length()).append(host);
        row.append(" ".repeat(Math.max(0, hostColumnWidth - host.length())))
                .append(" │ ")
                .append(text);
        return row.toString();
    }
}
