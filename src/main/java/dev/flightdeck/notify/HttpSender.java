package dev.flightdeck.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * POSTs a channel's JSON to its URL. 2xx is delivered; 408, 429 and 5xx and network errors are retried; any other
 * status is a permanent refusal (a wrong URL or payload will not get better by repeating it).
 */
final class HttpSender implements Sender {

    private final HttpClient client;
    private final URI url;
    private final Function<Notification, String> payload;
    private final Duration timeout;

    HttpSender(HttpClient client, URI url, Function<Notification, String> payload, Duration timeout) {
        this.client = client;
        this.url = url;
        this.payload = payload;
        this.timeout = timeout;
    }

    @Override
    public String send(Notification notification) throws NotificationException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Flightdeck")
                .header("X-Flightdeck-Notification", notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(payload.apply(notification)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationException("not reached: " + describe(e));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return "accepted with HTTP " + status;
        }
        boolean retry = status == 408 || status == 429 || status / 100 == 5;
        throw new NotificationException(
                "refused with HTTP " + status + (retry ? "" : " (not retried)") + bodyHint(response.body()), !retry);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " " + e.getMessage();
    }

    private static String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
