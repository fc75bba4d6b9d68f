package dev.flightdeck.metrics.prometheus;

/** A {@code /metrics} page that is not valid Prometheus text exposition; names the line and what is wrong. */
public final class PrometheusFormatException extends Exception {

    public static final String CODE = "FD-METRICS-010";

    private final int line;

    public PrometheusFormatException(int line, String message) {
        super(CODE + ": line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
