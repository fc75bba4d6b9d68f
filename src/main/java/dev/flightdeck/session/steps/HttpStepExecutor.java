package dev.flightdeck.session.steps;

import dev.flightdeck.inventory.EndpointEntry;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.text.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code http} steps: one request to a named endpoint or a URL, checked against the step's expectations. */
public final class HttpStepExecutor implements StepExecutor {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int BODY_KEPT = 4096;

    private final HttpClient client;

    public HttpStepExecutor(HttpClient client) {
        this.client = client;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Http http = (StepAction.Http) run.step().action();
        URI uri;
        Duration timeout;
        String source;
        try {
            String endpoint = run.bindings().bind(http.endpoint());
            EndpointEntry named = run.inventory().endpoint(endpoint).orElse(null);
            uri = URI.create(named != null ? named.url() : endpoint);
            source = named != null ? endpoint : uri.getHost() == null ? "http" : uri.getHost();
            timeout = run.timeout().orElse(named != null ? named.timeout() : DEFAULT_TIMEOUT);
        } catch (SessionValues.UnboundVariableException | IllegalArgumentException e) {
            return StepResult.failed("cannot build the request: " + e.getMessage());
        }
        return send(
                run,
                http,
                new HttpCheckLines(run.output(), source, uri, run.step().expect()),
                timeout);
    }

    private StepResult send(StepRun run, StepAction.Http http, HttpCheckLines lines, Duration timeout)
            throws InterruptedException {
        URI uri = lines.uri();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .method(
                            http.method(),
                            http.body()
                                    .map(HttpRequest.BodyPublishers::ofString)
                                    .orElse(HttpRequest.BodyPublishers.noBody()));
            for (Map.Entry<String, String> header : http.headers().entrySet()) {
                request.header(header.getKey(), run.bindings().bind(header.getValue()));
            }
            lines.request(http.method());
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            StepResult result = judge(run.step().expect(), uri, response, latency);
            lines.answer(response.statusCode(), latency, response.body(), result);
            return result;
        } catch (HttpConnectTimeoutException e) {
            return StepResult.failed(
                    "no connection to " + uri.getHost() + ":" + port(uri) + " within " + Durations.format(timeout));
        } catch (HttpTimeoutException e) {
            return StepResult.failed(uri + " did not answer within " + Durations.format(timeout));
        } catch (ConnectException e) {
            return StepResult.failed("cannot connect to " + uri.getHost() + ":" + port(uri) + " (connection refused)");
        } catch (IOException e) {
            return StepResult.failed("request to " + uri + " failed: " + e.getMessage());
        } catch (SessionValues.UnboundVariableException e) {
            return StepResult.failed("cannot build the request: " + e.getMessage());
        }
    }

    private static StepResult judge(Expectation expect, URI uri, HttpResponse<String> response, Duration latency) {
        String body = response.body() == null ? "" : response.body();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("status", String.valueOf(response.statusCode()));
        outputs.put("latency", String.valueOf(latency.toMillis()));
        outputs.put("body", body.length() > BODY_KEPT ? body.substring(0, BODY_KEPT) : body);
        List<String> failures = new ArrayList<>();
        if (!expect.acceptsStatus(response.statusCode())) {
            failures.add("answered " + response.statusCode() + " (expected "
                    + (expect.status().isEmpty() ? "2xx" : expect.status()) + ")");
        }
        expect.bodyContains()
                .filter(text -> !body.contains(text))
                .ifPresent(text -> failures.add("the body does not contain \"" + text + "\""));
        expect.maxLatency()
                .filter(max -> latency.compareTo(max) > 0)
                .ifPresent(max -> failures.add(
                        "answered in " + latency.toMillis() + " ms (expected within " + Durations.format(max) + ")"));
        String summary = uri + " answered " + response.statusCode() + " in " + latency.toMillis() + " ms";
        return failures.isEmpty()
                ? StepResult.succeeded(summary, outputs)
                : StepResult.failed(uri + " " + String.join("; ", failures), outputs);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
