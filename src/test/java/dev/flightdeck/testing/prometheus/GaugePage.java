package dev.flightdeck.testing.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small application in the test's JVM whose {@code /metrics} page serves the gauges the test sets, for a real
 * Prometheus to scrape: {@code set("test_error_percent", 7)} shows up in PromQL a scrape later.
 */
public final class GaugePage implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Double> gauges = new TreeMap<>();

    public GaugePage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code 127.0.0.1:PORT}, as a scrape target. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void set(String gauge, double value) {
        gauges.put(gauge, value);
    }

    private synchronized String page() {
        StringBuilder page = new StringBuilder();
        gauges.forEach((name, value) -> page.append("# TYPE ")
                .append(name)
                .append(" gauge\n")
                .append(name)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.6f", value))
                .append('\n'));
        return page.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
