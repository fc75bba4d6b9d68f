package dev.flightdeck.app.cli;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.inventory.PrometheusServer;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.prometheus.PromQlClient;
import dev.flightdeck.metrics.prometheus.PromQlException;
import dev.flightdeck.metrics.prometheus.PromQlSource;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import dev.flightdeck.ui.metrics.bench.PanelFrameTiming;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PromQL part of {@code bench metrics}, against Debian's Prometheus started here on a loopback port, scraping a
 * page of {@value #HOSTS} hosts' gauges every second: rule evaluations per second (a PromQL query answering one series
 * per host, read, recorded and judged by two rules each), against the bare HTTP round trip of the same query; and
 * the panel's frame for {@value #HOSTS} such series at 1 h and 4 h of history (the history filled in, the newest
 * readings from the server), which must stay flat.
 */
final class PromQlBench {

    static final int HOSTS = 200;
    private static final String QUERY = "max by (host) (bench_latency_seconds)";

    private PromQlBench() {}

    static void run(CollectorBench.Rows rows, PrintWriter err) throws Exception {
        Optional<Path> binary = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
        if (binary.isEmpty()) {
            err.println("(PromQL evaluation: skipped, prometheus is not installed: apt-get install prometheus)");
            return;
        }
        Path directory = Files.createTempDirectory("flightdeck-bench-prometheus");
        HttpServer page = page();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(
                directory.resolve("prometheus.yml"),
                "global: { scrape_interval: 1s, scrape_timeout: 900ms }\n"
                        + "scrape_configs:\n  - job_name: bench\n    static_configs:\n      - targets: ['127.0.0.1:"
                        + page.getAddress().getPort() + "']\n");
        Process prometheus = new ProcessBuilder(
                        binary.get().toString(),
                        "--config.file=" + directory.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + directory.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        try {
            URI url = URI.create("http://127.0.0.1:" + port);
            PromQlClient client =
                    new PromQlClient(url, HttpClient.newHttpClient(), Duration.ofSeconds(5), Optional.empty());
            awaitAllHosts(client, prometheus);
            evaluation(rows, url, client);
            panel(rows, client);
        } finally {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
            page.stop(0);
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    /** {@value #HOSTS} gauges, one per host, that change with every scrape. */
    private static HttpServer page() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            StringBuilder body = new StringBuilder("# TYPE bench_latency_seconds gauge\n");
            long tick = System.currentTimeMillis() / 1000;
            for (int host = 0; host < HOSTS; host++) {
                body.append(String.format(
                        Locale.ROOT,
                        "bench_latency_seconds{host=\"h%03d\"} %.4f%n",
                        host,
                        0.05 + ((tick + host) % 17) / 1000.0));
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static void awaitAllHosts(PromQlClient client, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + prometheus.exitValue());
            }
            try {
                if (client.query(QUERY, Instant.now()).size() == HOSTS) {
                    return;
                }
            } catch (PromQlException starting) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("prometheus did not scrape the bench page within 60 s");
    }

    private static PrometheusServer server(URI url) {
        return new PrometheusServer(
                PrometheusServer.NAME,
                url.toString(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                Optional.empty(),
                List.of(new PrometheusServer.Query("latency_p95", QUERY, Optional.of("host"), 1000, Position.UNKNOWN)),
                Position.UNKNOWN);
    }

    /** Queries answered, read, recorded and judged by two rules per series, for 3 s, one after the other. */
    private static void evaluation(CollectorBench.Rows rows, URI url, PromQlClient client) throws Exception {
        List<TriggerSpec> specs = new ArrayList<>();
        for (String rule : List.of("latency_p95 > 500ms for 1m", "latency_p95 > 2x baseline")) {
            specs.add(new TriggerSpec(
                    rule,
                    TriggerRuleParser.parse(rule),
                    TriggerSpec.Action.ALERT,
                    TriggerSpec.DEFAULT_COUNTDOWN,
                    Position.UNKNOWN));
        }
        try (MetricsEngine engine = new MetricsEngine(
                specs, Clock.systemUTC(), MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {})) {
            PromQlSource source =
                    new PromQlSource(server(url), client, Duration.ofSeconds(1), Clock.systemUTC(), Optional.empty());
            double perQuery = perCall(() -> source.collect(engine.sinkFor(source.source())));
            HttpClient bare = HttpClient.newHttpClient();
            HttpRequest post = HttpRequest.newBuilder(url.resolve("/api/v1/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                    .build();
            double perBare = perCall(() -> bare.send(post, HttpResponse.BodyHandlers.ofString()));
            rows.row("PromQL: queries/s (200 series each, 2 rules)", 1 / perQuery, 1 / perBare);
            rows.row("PromQL: rule evaluations/s (series x rules)", HOSTS * 2 / perQuery, Double.NaN);
        }
    }

    /**
     * The panel's frame (copy, decimation, axes: what the FX thread is handed) for {@value #HOSTS} series at 1 h and
     * 4 h of history, each frame after one more reading from the server.
     */
    private static void panel(CollectorBench.Rows rows, PromQlClient client) throws Exception {
        // each history twice, in turn: the first pair warms the JIT and the allocator, the second is reported
        double[] millis = new double[4];
        int[] hours = {1, 4, 1, 4};
        for (int i = 0; i < hours.length; i++) {
            try (MetricsEngine engine = new MetricsEngine(
                    List.of(),
                    Clock.systemUTC(),
                    MetricsEngine.Options.defaults(),
                    new TriggerListener() {},
                    m -> {})) {
                long now = System.currentTimeMillis();
                long from = now - hours[i] * 3_600_000L;
                for (long time = from; time < now - 1000; time += 1000) {
                    for (int host = 0; host < HOSTS; host++) {
                        engine.record(
                                new SeriesId(String.format(Locale.ROOT, "h%03d", host), "latency_p95"),
                                time,
                                50 + ((time / 1000 + host) % 17));
                    }
                }
                PromQlSource source = new PromQlSource(
                        server(URI.create("http://unused")),
                        client,
                        Duration.ofSeconds(1),
                        Clock.systemUTC(),
                        Optional.empty());
                millis[i] = PanelFrameTiming.medianFrameMillis(
                        engine, () -> source.collect(engine.sinkFor(source.source())));
            }
        }
        rows.row("panel frame, 200 Prometheus series, 1 h (ms)", millis[2], Double.NaN);
        rows.row("panel frame, 200 Prometheus series, 4 h (ms)", millis[3], millis[2]);
    }

    private interface Call {
        void call() throws Exception;
    }

    /** Seconds per call, median of the calls made in 3 s after 5 to warm up. */
    private static double perCall(Call call) throws Exception {
        for (int warm = 0; warm < 5; warm++) {
            call.call();
        }
        List<Double> times = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until || times.size() < 5) {
            long started = System.nanoTime();
            call.call();
            times.add((System.nanoTime() - started) / 1e9);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
