package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.FakeAppServer;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    @TempDir
    Path home;

    @Test
    void oncePrintsOneTableOfTheLiveFiguresOfHealthAndPrometheusEndpoints() throws Exception {
        try (FakeAppServer app = new FakeAppServer()) {
            app.served(1000, 0, 0.03);
            Path inventory = inventory("""
                    endpoints:
                      web-health: { url: "%s", kind: health }
                      web-metrics: { url: "%s", kind: prometheus }
                      api: "%s"
                    """.formatted(app.url("/health"), app.url("/metrics"), app.url("/api")));
            Thread traffic = new Thread(() -> {
                while (app.scrapes() < 1) {
                    Thread.onSpinWait();
                }
                app.served(190, 10, 0.2);
            });
            traffic.start();

            CliRun run = CliRun.run(home, "metrics", "--inventory", inventory.toString(), "--once");
            traffic.join();

            assertThat(run.exitCode()).isEqualTo(Cli.OK);
            assertThat(run.out())
                    .containsPattern("SOURCE +SIGNAL +VALUE +AGE")
                    .containsPattern("web-health +health +ok ")
                    .containsPattern("web-metrics +error_rate +5\\.00% ")
                    .containsPattern("web-metrics +latency_p95 +\\d+ ms ")
                    .containsPattern("web-metrics +load +0\\.73 ")
                    .doesNotContain("api");
            assertThat(app.scrapes()).isEqualTo(2);
        }
    }

    @Test
    void onceShowsTheFiguresOfAHostOverSshAndOfADatabase() throws Exception {
        TestDatabase database = postgres.freshDatabase();
        try (MinaSshServer server = MinaSshServer.start(home.resolve("server"))) {
            Path userHome = Files.createDirectories(home.resolve("user/.ssh")).getParent();
            Files.writeString(userHome.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
            Path inventory = inventory("""
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", metrics: { disks: [/, /tmp] } }
                    databases:
                      healthcare: { host: 127.0.0.1, port: %d, database: %s, user: postgres, sslmode: disable }
                    """.formatted(
                            server.port(),
                            System.getProperty("user.name"),
                            server.userKey(),
                            database.server().port(),
                            database.name()));

            CliRun run = CliRun.runWith(
                    home.resolve("flightdeck"),
                    Map.of("HOME", userHome.toString(), "USER", System.getProperty("user.name")),
                    "metrics",
                    "--inventory",
                    inventory.toString(),
                    "--once");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(Cli.OK);
            assertThat(run.out())
                    .containsPattern("app1 +cpu +\\d+\\.\\d\\d% ")
                    .containsPattern("app1 +load +\\d")
                    .containsPattern("app1 +memory +\\d+\\.\\d\\d% ")
                    .containsPattern("app1:/ +disk +\\d+\\.\\d\\d% ")
                    .containsPattern("app1:/tmp +disk +\\d+\\.\\d\\d% ")
                    .containsPattern("healthcare +db_connection +ok ")
                    .containsPattern("healthcare +db_connections_used +\\d+\\.\\d\\d% ")
                    .containsPattern("healthcare +db_transactions +\\d+\\.\\d\\d/s ")
                    .containsPattern("healthcare +db_longest_transaction +\\d+ ms ")
                    .doesNotContain("FD-METRICS");
        }
    }

    @Test
    void anUnreachableSourceIsNamedWithWhatFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path inventory = inventory("""
                endpoints:
                  web-health: { url: "http://127.0.0.1:%d/health", kind: health, timeout: 2s }
                  web-metrics: { url: "http://127.0.0.1:%d/metrics", kind: prometheus, timeout: 2s }
                """.formatted(closedPort, closedPort));

        CliRun run = CliRun.run(home, "metrics", "--inventory", inventory.toString(), "--once");

        assertThat(run.exitCode()).isEqualTo(Cli.OK);
        assertThat(run.out())
                .containsPattern("web-health +health +fail ")
                .containsPattern("web-health +health_consecutive_failures +1 ")
                .contains("web-metrics: FD-METRICS-020: cannot reach http://127.0.0.1:" + closedPort
                        + "/metrics (connection refused)")
                .contains("(2 attempts in a row)");
    }

    @Test
    void anInventoryWithoutHealthOrPrometheusEndpointsIsAProblem() throws Exception {
        Path inventory = inventory("endpoints:\n  api: \"http://127.0.0.1:9/api\"\n");

        CliRun run = CliRun.run(home, "metrics", "--inventory", inventory.toString(), "--once");

        assertThat(run.exitCode()).isEqualTo(Cli.PROBLEM);
        assertThat(run.err()).contains("has no host, database or endpoint of kind 'health' or 'prometheus' to read");
    }

    @Test
    void aMissingInventoryFileIsAProblemNamingIt() {
        CliRun run = CliRun.run(
                home, "metrics", "--inventory", home.resolve("nowhere.yaml").toString(), "--once");

        assertThat(run.exitCode()).isEqualTo(Cli.PROBLEM);
        assertThat(run.err()).contains("cannot read the inventory").contains("nowhere.yaml");
    }

    private Path inventory(String text) throws IOException {
        Path file = home.resolve("inventory.yaml");
        Files.writeString(file, text);
        return file;
    }
}
