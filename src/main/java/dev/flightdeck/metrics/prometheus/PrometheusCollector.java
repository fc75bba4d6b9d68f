package dev.flightdeck.metrics.prometheus;

import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.collect.SampleSink;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/** Scrapes a Prometheus {@code /metrics} page and writes the signals its {@link PrometheusMapping} names. */
public final class PrometheusCollector implements Collector {

    private final String source;
    private final URI uri;
    private final Duration timeout;
    private final Duration interval;
    private final HttpClient client;
    private final Clock clock;
    private final ScrapeTranslator translator;

    public PrometheusCollector(
            String source,
            URI uri,
            Duration timeout,
            Duration interval,
            PrometheusMapping mapping,
            HttpClient client,
            Clock clock) {
        this.source = source;
        this.uri = uri;
        this.timeout = timeout;
        this.interval = interval;
        this.client = client;
        this.clock = clock;
        this.translator = new ScrapeTranslator(mapping);
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
    public void collect(SampleSink sink) throws CollectorException, InterruptedException {
        long taken = clock.millis();
        String page = fetch();
        try {
            PrometheusScrape scrape = PrometheusTextParser.parse(page);
            for (ScrapeTranslator.Reading reading : translator.translate(scrape, taken)) {
                sink.record(reading.signal(), taken, reading.value());
            }
        } catch (PrometheusFormatException e) {
            throw new CollectorException(
                    CollectorException.Code.UNREADABLE,
                    uri + " is not a Prometheus metrics page: " + e.getMessage(),
                    e);
        }
    }

    private String fetch() throws CollectorException, InterruptedException {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(timeout)
                            .header("Accept", "text/plain;version=0.0.4")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CollectorException(
                        CollectorException.Code.REFUSED, uri + " answered status " + response.statusCode());
            }
            return response.body();
        } catch (HttpTimeoutException e) {
            throw new CollectorException(
                    CollectorException.Code.UNREACHABLE,
                    uri + " did not answer within " + timeout.toMillis() + " ms",
                    e);
        } catch (ConnectException e) {
            throw new CollectorException(
                    CollectorException.Code.UNREACHABLE, "cannot reach " + uri + " (connection refused)", e);
        } catch (IOException e) {
            throw new CollectorException(
                    CollectorException.Code.UNREACHABLE,
                    "cannot reach " + uri + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                    e);
        }
    }
}
