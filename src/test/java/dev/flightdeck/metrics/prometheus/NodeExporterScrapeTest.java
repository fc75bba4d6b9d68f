package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.testing.tools.RequiresTool;
import dev.flightdeck.testing.tools.Tool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page a real exporter serves, not a fixture: Debian's {@code prometheus-node-exporter} on a loopback port, parsed
 * and scraped by {@link PrometheusCollector} as the instruments do. (Debian's node exporter 1.5 and Prometheus 2.42
 * answer the text format even when asked for OpenMetrics, so OpenMetrics pages are covered by the parser's own tests.)
 */
@RequiresTool("prometheus-node-exporter")
class NodeExporterScrapeTest {

    @TempDir
    static Path dir;

    private static Process exporter;
    private static URI metrics;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void startExporter() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        exporter = new ProcessBuilder(
                        Tool.find("prometheus-node-exporter").orElseThrow().toString(),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--collector.disable-defaults",
                        "--collector.cpu",
                        "--collector.loadavg",
                        "--collector.meminfo")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-exporter.log").toFile())
                .start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (fetch("text/plain;version=0.0.4").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(exporter.isAlive()).as("the node exporter is running").isTrue();
            assertThat(System.nanoTime())
                    .as("the node exporter answers within 20 s")
                    .isLessThan(until);
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void stopExporter() throws InterruptedException {
        exporter.destroy();
        exporter.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void theTextFormatOfARealExporterParsesWithTypesAndLabels() throws Exception {
        PrometheusScrape scrape =
                PrometheusTextParser.parse(fetch("text/plain;version=0.0.4").body());

        assertThat(scrape.types())
                .containsEntry("node_cpu_seconds_total", "counter")
                .containsEntry("node_load1", "gauge");
        assertThat(scrape.named("node_cpu_seconds_total"))
                .anySatisfy(sample -> assertThat(sample.labels())
                        .containsEntry("mode", "idle")
                        .containsKey("cpu"));
        assertThat(scrape.named("node_memory_MemTotal_bytes"))
                .singleElement()
                .satisfies(sample -> assertThat(sample.value()).isPositive());
    }

    @Test
    void theCollectorTurnsTheExportersGaugesIntoSignals() throws Exception {
        PrometheusCollector collector = new PrometheusCollector(
                "node",
                metrics,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                PrometheusMapping.defaults()
                        .withGauge("load1", "node_load1", 1)
                        .withGauge("memory_total_mb", "node_memory_MemTotal_bytes", 1.0 / (1024 * 1024)),
                CLIENT,
                Clock.systemUTC());
        Map<String, Double> recorded = new ConcurrentHashMap<>();

        collector.collect(new SampleSink() {
            @Override
            public void record(String signal, long epochMillis, double value) {
                recorded.put(signal, value);
            }
        });

        assertThat(recorded).containsKeys("load1", "memory_total_mb");
        assertThat(recorded.get("memory_total_mb")).isGreaterThan(64);
        assertThat(recorded.get("load1")).isNotNegative();
    }

    private static HttpResponse<String> fetch(String accept) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(metrics)
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
