package dev.flightdeck.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for the clinic application: {@code /health} answers the status
 * the test sets, {@code /metrics} serves Prometheus text whose counters and histogram grow between scrapes
 * by what the test says the application served meanwhile.
 */
public final class FakeAppServer implements AutoCloseable {

    private static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1};
    private static final String[] LE = {"0.05", "0.1", "0.25", "0.5", "1", "+Inf"};

    private final HttpServer server;
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private final AtomicInteger scrapes = new AtomicInteger();
    private long ok;
    private long failed;
    private final long[] buckets = new long[LE.length];
    private double durationSum;
    private long sessionsSucceeded;
    private long sessionsFailed;

    public FakeAppServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> answer(exchange, healthStatus.get(), "{\"status\":\"ok\"}"));
        server.createContext("/metrics", exchange -> {
            scrapes.incrementAndGet();
            answer(exchange, 200, page());
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void healthStatus(int status) {
        healthStatus.set(status);
    }

    public int scrapes() {
        return scrapes.get();
    }

    /** The application served this many requests (failed ones answered 500), each taking {@code seconds}. */
    public synchronized void served(long okRequests, long failedRequests, double seconds) {
        ok += okRequests;
        failed += failedRequests;
        long count = okRequests + failedRequests;
        for (int i = 0; i < LE.length; i++) {
            if (i == LE.length - 1 || seconds <= BOUNDS[i]) {
                buckets[i] += count;
            }
        }
        durationSum += seconds * count;
    }

    /** Users' sessions (log in, work, log out) that succeeded and failed meanwhile: seed 000's session success rate. */
    public synchronized void sessions(long succeeded, long failedSessions) {
        sessionsSucceeded += succeeded;
        sessionsFailed += failedSessions;
    }

    /** The application restarted: every counter starts again from zero. */
    public synchronized void restart() {
        ok = 0;
        failed = 0;
        Arrays.fill(buckets, 0);
        durationSum = 0;
    }

    private synchronized String page() {
        StringBuilder page = new StringBuilder("""
                # HELP http_requests_total Requests served, by status.
                # TYPE http_requests_total counter
                """);
        page.append("http_requests_total{method=\"GET\",status=\"200\"} ")
                .append(ok)
                .append('\n');
        page.append("http_requests_total{method=\"GET\",status=\"500\"} ")
                .append(failed)
                .append('\n');
        page.append(
                "# HELP http_request_duration_seconds Time to answer.\n# TYPE http_request_duration_seconds histogram\n");
        for (int i = 0; i < LE.length; i++) {
            page.append("http_request_duration_seconds_bucket{le=\"")
                    .append(LE[i])
                    .append("\"} ")
                    .append(buckets[i])
                    .append('\n');
        }
        page.append("http_request_duration_seconds_sum ").append(durationSum).append('\n');
        page.append("http_request_duration_seconds_count ")
                .append(buckets[LE.length - 1])
                .append('\n');
        page.append("# TYPE node_load1 gauge\nnode_load1 0.73\n");
        if (sessionsSucceeded + sessionsFailed > 0) {
            page.append("# TYPE app_sessions_total counter\n");
            page.append("app_sessions_total{outcome=\"success\"} ")
                    .append(sessionsSucceeded)
                    .append('\n');
            page.append("app_sessions_total{outcome=\"failure\"} ")
                    .append(sessionsFailed)
                    .append('\n');
        }
        return page.toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
