package dev.flightdeck.metrics.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * An HTTP health check: {@code health} is 1 when the endpoint answers 2xx within its timeout and 0 otherwise
 * (a refused connection or a timeout is a failed check, not missing data), {@code health_latency} is the time to
 * the answer in milliseconds, {@code health_consecutive_failures} counts failed checks in a row.
 */
public final class HealthCollector implements Collector {

    private final String source;
    private final URI uri;
    private final Duration timeout;
    private final Duration interval;
    private final HttpClient client;
    private final Clock clock;
    private int failuresInARow;
    private volatile String lastOutcome = "not checked yet";

    public HealthCollector(
            String source, URI uri, Duration timeout, Duration interval, HttpClient client, Clock clock) {
        this.source = source;
        this.uri = uri;
        this.timeout = timeout;
        this.interval = interval;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void collect(SampleSink sink) throws InterruptedException {
        long taken = clock.millis();
        long started = System.nanoTime();
        boolean passed;
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            passed = response.statusCode() >= 200 && response.statusCode() < 300;
            lastOutcome = "status " + response.statusCode();
            sink.record("health_latency", taken, (System.nanoTime() - started) / 1_000_000.0);
        } catch (HttpTimeoutException e) {
            passed = false;
            lastOutcome = "no answer within " + timeout.toMillis() + " ms";
        } catch (ConnectException e) {
            passed = false;
            lastOutcome = "cannot connect (connection refused)";
        } catch (IOException e) {
            passed = false;
            lastOutcome =
                    "cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        failuresInARow = passed ? 0 : failuresInARow + 1;
        sink.record("health", taken, passed ? 1 : 0);
        sink.record("health_consecutive_failures", taken, failuresInARow);
    }

    /** What the last check saw: {@code status 200}, {@code no answer within 2000 ms}. */
    public String lastOutcome() {
        return lastOutcome;
    }
}
