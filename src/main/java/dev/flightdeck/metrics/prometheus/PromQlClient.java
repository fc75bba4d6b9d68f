package dev.flightdeck.metrics.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Prometheus's HTTP API: {@code /api/v1/query} (an instant) and {@code /api/v1/query_range} (a range at a step), as
 * form-encoded POSTs so long PromQL fits. The {@code Authorization} header, when there is one, is only ever sent.
 */
public final class PromQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series of an answer: its labels and its samples (one for an instant query), oldest first. */
    public record Series(Map<String, String> labels, long[] times, double[] values) {}

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> authorization;

    /** @param authorization the whole header value ({@code Bearer ...} or {@code Basic ...}), or empty */
    public PromQlClient(URI base, HttpClient client, Duration timeout, Optional<String> authorization) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.client = client;
        this.timeout = timeout;
        this.authorization = authorization;
    }

    public URI base() {
        return base;
    }

    public List<Series> query(String promql, Instant at) throws PromQlException, InterruptedException {
        return call("api/v1/query", promql, Map.of("time", seconds(at)));
    }

    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step)
            throws PromQlException, InterruptedException {
        Map<String, String> range = new LinkedHashMap<>();
        range.put("start", seconds(start));
        range.put("end", seconds(end));
        range.put("step", Math.max(1, step.toSeconds()) + "s");
        return call("api/v1/query_range", promql, range);
    }

    private List<Series> call(String path, String promql, Map<String, String> parameters)
            throws PromQlException, InterruptedException {
        StringBuilder form = new StringBuilder("query=").append(URLEncoder.encode(promql, StandardCharsets.UTF_8));
        parameters.forEach((key, value) ->
                form.append('&').append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI uri = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PromQlException(uri + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new PromQlException("cannot reach " + uri + " (connection refused)", e);
        } catch (SSLHandshakeException e) {
            throw new PromQlException(handshakeFailure(uri, e), e);
        } catch (IOException e) {
            throw new PromQlException(
                    "cannot reach " + uri + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                    e);
        }
        return read(uri, response.statusCode(), response.body());
    }

    /**
     * The JDK reports an unknown authority as "PKIX path building failed: ...SunCertPathBuilderException..."; the
     * operator needs to hear that the certificate is not trusted and what to set.
     */
    private static String handshakeFailure(URI uri, SSLHandshakeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "cannot reach " + uri + ": its TLS certificate is not trusted (signed by an authority this "
                        + "machine does not know); set 'ca-cert' of 'prometheus' to the PEM file of that authority";
            }
        }
        return "cannot reach " + uri + ": the TLS handshake failed (" + e.getMessage() + ")";
    }

    /** The API's envelope: {@code status}, {@code data.resultType} and {@code data.result}, or {@code errorType} and {@code error}. */
    static List<Series> read(URI uri, int status, String body) throws PromQlException {
        // a refused login answers in plain text ("Unauthorized"), not in the API's envelope: say so first
        if (status == 401 || status == 403) {
            throw new PromQlException("HTTP " + status + " from " + uri + ": the credentials were refused (check "
                    + "'basic-auth' or 'bearer-token' of 'prometheus')");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PromQlException(
                    "HTTP " + status + " from " + uri + " is not Prometheus API JSON (" + abbreviated(body) + ")");
        }
        if (status != 200 || !"success".equals(root.path("status").asText())) {
            throw new PromQlException("HTTP " + status + " from " + uri + ": "
                    + root.path("errorType").asText("error") + ": "
                    + root.path("error").asText(abbreviated(body)));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<Series> series = new ArrayList<>();
        switch (type) {
            case "scalar" ->
                series.add(new Series(Map.of(), new long[] {time(result.get(0))}, new double[] {value(result.get(1))}));
            case "vector" -> {
                for (JsonNode item : result) {
                    JsonNode sample = item.path("value");
                    series.add(new Series(
                            labels(item), new long[] {time(sample.get(0))}, new double[] {value(sample.get(1))}));
                }
            }
            case "matrix" -> {
                for (JsonNode item : result) {
                    JsonNode samples = item.path("values");
                    long[] times = new long[samples.size()];
                    double[] values = new double[samples.size()];
                    for (int i = 0; i < samples.size(); i++) {
                        times[i] = time(samples.get(i).get(0));
                        values[i] = value(samples.get(i).get(1));
                    }
                    series.add(new Series(labels(item), times, values));
                }
            }
            default ->
                throw new PromQlException(uri + " answered a result of type '" + type
                        + "'; a signal's PromQL must give a number or series of numbers");
        }
        return series;
    }

    private static Map<String, String> labels(JsonNode item) {
        Map<String, String> labels = new LinkedHashMap<>();
        item.path("metric")
                .fields()
                .forEachRemaining(
                        field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static long time(JsonNode seconds) {
        return Math.round(seconds.asDouble() * 1000);
    }

    /** Prometheus writes values as strings: {@code "1.5"}, {@code "NaN"}, {@code "+Inf"}. */
    private static double value(JsonNode text) {
        return switch (text.asText()) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text.asText());
        };
    }

    private static String seconds(Instant at) {
        return String.format(java.util.Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
    }

    private static String abbreviated(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
