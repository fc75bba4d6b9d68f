package dev.flightdeck.metrics.signal;

/**
 * One time series: a signal as read from one source. The source is the inventory name the collector reads
 * ({@code web-health}, {@code app-1}, {@code healthcare}); the signal is a canonical {@link dev.flightdeck.runbook.Signals}
 * name or a display-only figure such as {@code health_latency}.
 */
public record SeriesId(String source, String signal) {

    public SeriesId {
        if (source.isBlank() || signal.isBlank()) {
            throw new IllegalArgumentException(
                    "a series needs a source and a signal, got '" + source + "/" + signal + "'");
        }
    }

    /**
     * How an operator reads it: {@code app1 · cpu}, {@code db1:/var · disk}. {@link #toString} is the journal's form
     * ({@code source/signal}, read back by the last slash), which reads oddly for a mount point ({@code db1://disk}).
     */
    public String label() {
        return source + " · " + signal;
    }

    @Override
    public String toString() {
        return source + "/" + signal;
    }
}
