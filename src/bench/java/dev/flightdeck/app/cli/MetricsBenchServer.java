package dev.flightdeck.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback {@code /metrics} page of realistic size for {@code bench metrics}: request counters for 40 routes × 5
 * statuses and a 12-bucket latency histogram per route, growing on every scrape as a busy application's would.
 * A minimal keep-alive HTTP/1.1 server that writes each answer in one piece with TCP_NODELAY: the JDK's
 * {@code HttpServer} writes headers and body separately and so stalls on delayed ACKs (about 40 ms a request
 * here), which would measure the server rather than the collector.
 */
final class MetricsBenchServer implements AutoCloseable {

    static final int ROUTES = 40;
    private static final String[] STATUSES = {"200", "201", "404", "500", "503"};
    private static final String[] LE = {
        "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"
    };

    private final ServerSocket server;
    private final AtomicLong scrapes = new AtomicLong();

    MetricsBenchServer() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "bench-metrics-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "bench-metrics-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    continue;
                }
                byte[] page = page(scrapes.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: "
                                + page.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                byte[] answer = new byte[head.length + page.length];
                System.arraycopy(head, 0, answer, 0, head.length);
                System.arraycopy(page, 0, answer, head.length, page.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/metrics";
    }

    static String page(long scrape) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n");
        for (int route = 0; route < ROUTES; route++) {
            for (int status = 0; status < STATUSES.length; status++) {
                page.append("http_requests_total{route=\"/api/v1/route")
                        .append(route)
                        .append("\",method=\"GET\",status=\"")
                        .append(STATUSES[status])
                        .append("\"} ")
                        .append(scrape * (100 - status * 19) + route)
                        .append('\n');
            }
        }
        page.append(
                "# HELP http_request_duration_seconds Time to answer.\n# TYPE http_request_duration_seconds histogram\n");
        for (int route = 0; route < ROUTES; route++) {
            for (int bucket = 0; bucket < LE.length; bucket++) {
                page.append("http_request_duration_seconds_bucket{route=\"/api/v1/route")
                        .append(route)
                        .append("\",le=\"")
                        .append(LE[bucket])
                        .append("\"} ")
                        .append(scrape * Math.min(100, bucket * 12L))
                        .append('\n');
            }
            page.append("http_request_duration_seconds_count{route=\"/api/v1/route")
                    .append(route)
                    .append("\"} ")
                    .append(scrape * 100)
                    .append('\n');
        }
        page.append("# TYPE node_load1 gauge\nnode_load1 0.42\n");
        return page.toString();
    }

    static int lines(String page) {
        return (int) page.lines().filter(line -> !line.startsWith("#")).count();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
