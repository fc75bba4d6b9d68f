package dev.flightdeck.testing.prometheus;

import dev.flightdeck.metrics.prometheus.PromQlClient;
import dev.flightdeck.metrics.prometheus.PromQlException;
import dev.flightdeck.testing.tools.Tool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Debian's Prometheus server, started by a test on a loopback port with its configuration and data in a temporary
 * folder, scraping the targets the test names every second. {@link #stop()} ends it (to test a server that goes
 * away); {@link #close()} too, and removes nothing the test did not make.
 */
public final class RealPrometheus implements AutoCloseable {

    /** A scrape target: {@code 127.0.0.1:PORT}, with the labels Prometheus adds to its series ({@code host: app1}). */
    public record Target(String address, Map<String, String> labels) {}

    /**
     * Prometheus's {@code --web.config.file}: TLS and basic auth on its own API. {@code client} is how the helper itself
     * reaches the API to wait for the first scrapes (trusting the test's authority, with the right credentials).
     */
    public record WebConfig(String yaml, HttpClient client, Optional<String> authorization) {}

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI url;
    private final Path log;
    private final HttpClient client;
    private final Optional<String> authorization;

    private RealPrometheus(Process process, URI url, Path log, HttpClient client, Optional<String> authorization) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.client = client;
        this.authorization = authorization;
    }

    public static RealPrometheus start(Path directory, List<Target> targets) throws IOException, InterruptedException {
        return start(directory, targets, Optional.empty());
    }

    /** Serves its API over https (and with basic auth) as {@code web} says. */
    public static RealPrometheus start(Path directory, List<Target> targets, Optional<WebConfig> web)
            throws IOException, InterruptedException {
        Path binary =
                Tool.find("prometheus").orElseThrow(() -> new IllegalStateException("prometheus is not installed"));
        Files.createDirectories(directory);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, config(targets), StandardCharsets.UTF_8);
        int port = freePort();
        Path log = directory.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h"));
        if (web.isPresent()) {
            Path webConfig = directory.resolve("web.yml");
            Files.writeString(webConfig, web.get().yaml(), StandardCharsets.UTF_8);
            command.add("--web.config.file=" + webConfig);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean tls = web.isPresent() && web.get().yaml().contains("tls_server_config");
        RealPrometheus prometheus = new RealPrometheus(
                process,
                URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port),
                log,
                web.map(WebConfig::client).orElseGet(HttpClient::newHttpClient),
                web.flatMap(WebConfig::authorization));
        try {
            prometheus.awaitTargetsUp(targets.size());
        } catch (RuntimeException | InterruptedException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private static String config(List<Target> targets) {
        StringBuilder yaml = new StringBuilder("""
                global: { scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s }
                scrape_configs:
                  - job_name: test
                    static_configs:
                """);
        for (Target target : targets) {
            yaml.append("      - targets: ['").append(target.address()).append("']\n");
            yaml.append("        labels: {");
            yaml.append(String.join(
                    ", ",
                    target.labels().entrySet().stream()
                            .map(label -> label.getKey() + ": '" + label.getValue() + "'")
                            .toList()));
            yaml.append("}\n");
        }
        return yaml.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until every target has been scraped successfully ({@code up == 1}), which also means the API answers. */
    private void awaitTargetsUp(int targets) throws InterruptedException {
        PromQlClient client = client();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                long up = client.query("up == 1", Instant.now()).size();
                if (up >= targets) {
                    return;
                }
                last = up + " of " + targets + " targets up";
            } catch (PromQlException starting) {
                last = starting.getMessage();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException(
                "prometheus did not scrape its targets within " + START_TIMEOUT + " (" + last + "): " + logTail());
    }

    public URI url() {
        return url;
    }

    public PromQlClient client() {
        return new PromQlClient(url, client, Duration.ofSeconds(5), authorization);
    }

    /** Ends the server and waits for it to be gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What the server wrote to its log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Prometheus keeps only a bcrypt hash of each basic-auth password in its web config ({@code basic_auth_users}). */
    public static String bcrypt(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
    }

    /** A secret in a file only its owner may read, as the inventory's {@code file:} credentials require. */
    public static Path ownerOnlyFile(Path directory, String name, String secret) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
