package dev.flightdeck.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's server): records every POST body and answers with the statuses given,
 * the last one repeated ({@code 500, 500, 200} fails twice, then accepts).
 */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Integer> statuses;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> accepted = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();

    private Receiver(List<Integer> statuses) throws IOException {
        this.statuses = statuses;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int index = requests.getAndIncrement();
            int status = statuses.get(Math.min(index, statuses.size() - 1));
            if (status / 100 == 2) {
                synchronized (this) {
                    accepted.add(new String(body, StandardCharsets.UTF_8));
                    headers.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                            + exchange.getRequestURI().getPath());
                    notifyAll();
                }
            }
            byte[] answer = (status / 100 == 2 ? "ok" : "busy").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static Receiver accepting() throws IOException {
        return new Receiver(List.of(200));
    }

    static Receiver answering(Integer... statuses) throws IOException {
        return new Receiver(List.of(statuses));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    /** Waits until {@code count} messages were accepted (or the time is up) and returns what was accepted. */
    synchronized List<String> awaitAccepted(int count, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (accepted.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return List.copyOf(accepted);
    }

    synchronized List<String> acceptedHeaders() {
        return List.copyOf(headers);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
