package dev.flightdeck.metrics.prometheus;

import static dev.flightdeck.metrics.prometheus.PromQlRulesTest.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.WhereSessionTextGoes;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23: the Prometheus source's credential never reaches the journal, a log, the report or a pack in the clear. A
 * session reads its signals from a real Prometheus — once behind Prometheus's own basic auth, once behind a bearer-token
 * proxy that refuses the first reads — then every place its text goes is searched for the secret and the header that
 * carried it ({@link WhereSessionTextGoes}).
 */
@RequiresTool("prometheus")
class PrometheusCredentialsStayOutTest {

    private static final String USER = "flightdeck";
    private static final String PASSWORD = "Basic-pw-Lantern-4410";
    private static final String TOKEN = "tok-9f2c-Zebra-Harbour-7781";

    @TempDir
    Path dir;

    @Test
    void theBasicAuthPasswordIsNowhereInTheClear() throws Exception {
        String webConfig = "basic_auth_users:\n  %s: '%s'\n".formatted(USER, RealPrometheus.bcrypt(PASSWORD));
        try (GaugePage app = new GaugePage()) {
            app.set("test_error_percent", 0.3);
            RealPrometheus prometheus = RealPrometheus.start(
                    dir.resolve("prometheus"),
                    List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))),
                    Optional.of(new RealPrometheus.WebConfig(
                            webConfig,
                            HttpClient.newHttpClient(),
                            Optional.of(PrometheusHttp.basic(USER, PASSWORD.toCharArray())))));
            try {
                String auth = "  basic-auth: { user: %s, password: { file: \"%s\" } }\n"
                        .formatted(USER, RealPrometheus.ownerOnlyFile(dir, "prometheus-password", PASSWORD));
                Map<String, String> places = runSessionReading(prometheus.url(), auth);
                long searched = WhereSessionTextGoes.assertNowhere(
                        places,
                        List.of(
                                PASSWORD,
                                Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))));
                System.out.printf(
                        "prometheus basic auth: password and its header found in 0 of %d places (%d characters searched)%n",
                        places.size(), searched);
            } finally {
                prometheus.close();
            }
        }
    }

    @Test
    void theBearerTokenIsNowhereInTheClearEvenWhenReadsAreRefused() throws Exception {
        try (GaugePage app = new GaugePage()) {
            app.set("test_error_percent", 0.3);
            RealPrometheus prometheus = RealPrometheus.start(
                    dir.resolve("prometheus"),
                    List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))));
            AtomicInteger refusals = new AtomicInteger(2);
            HttpServer proxy = tokenProxy(prometheus.url(), refusals);
            try {
                String auth = "  bearer-token: { file: \"%s\" }\n"
                        .formatted(RealPrometheus.ownerOnlyFile(dir, "prometheus-token", TOKEN));
                Map<String, String> places = runSessionReading(
                        URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()), auth);
                assertThat(refusals.get())
                        .as("the proxy refused the first reads")
                        .isNegative();
                long searched = WhereSessionTextGoes.assertNowhere(places, List.of(TOKEN));
                System.out.printf(
                        "prometheus bearer token (first reads refused): token found in 0 of %d places (%d characters searched)%n",
                        places.size(), searched);
            } finally {
                proxy.stop(0);
                prometheus.close();
            }
        }
    }

    /**
     * Runs a session whose inventory reads {@code error_rate} from the Prometheus at {@code url} with {@code auth},
     * until a reading arrived; then every place its text went, the log of the whole time included.
     */
    private Map<String, String> runSessionReading(URI url, String auth) throws Exception {
        Path inventoryFile = dir.resolve("clinic.inventory.yaml");
        Files.writeString(inventoryFile, """
                prometheus:
                  url: %s
                %s  every: 1s
                  signals:
                    error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                """.formatted(url, auth));
        Inventory inventory = InventoryLoader.load(inventoryFile).orElseThrow();
        Runbook runbook = RunbookLoader.load("""
                runbook: Prometheus credentials
                phases:
                  - id: all
                    steps:
                      - id: look
                        run: echo the window is open
                        on: local
                """, "credentials.runbook.yaml", "credentials")
                .orElseThrow();
        AppContext context = new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of());
        Path journal = dir.resolve("journal");
        try (WhereSessionTextGoes.LogFile log = new WhereSessionTextGoes.LogFile(dir.resolve("flightdeck.log"))) {
            try (LiveSession live = new SessionLauncher(
                            context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                    .start(new SessionLauncher.Choices(
                            runbook,
                            "sha",
                            inventory,
                            inventoryFile.toString(),
                            Map.of(),
                            "Dana",
                            journal,
                            JournalFixture.PASSPHRASE.clone(),
                            target -> Optional.empty(),
                            Credentials.NONE,
                            SessionEvent.Mode.LIVE))) {
                awaitUntil(() -> live.metrics()
                        .store()
                        .find(new SeriesId("app1", "error_rate"))
                        .isPresent());
                assertThat(live.session().run("look").status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
                live.session().finishSession("credentials checked");
            }
            Map<String, String> places = WhereSessionTextGoes.of(
                    journal, JournalFixture.PASSPHRASE, context.home(), dir.resolve("pack"), log.text());
            assertThat(places.get("decrypted journal"))
                    .as("the inventory as it ran is journaled, with the credential's file, not its value")
                    .contains("prometheus-");
            return places;
        }
    }

    /**
     * The organisation's Prometheus behind a proxy that asks for the bearer token; the first {@code refusals} reads are
     * refused with 401 even with the right token (so the collector's error path runs too).
     */
    private static HttpServer tokenProxy(URI prometheus, AtomicInteger refusals) throws IOException {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient client = HttpClient.newHttpClient();
        proxy.createContext("/", exchange -> {
            try {
                boolean bearer =
                        ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
                if (!bearer || refusals.getAndDecrement() > 0) {
                    respond(exchange, 401, "unauthorized".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                                prometheus.resolve(exchange.getRequestURI().toString()))
                        .method(
                                exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(
                                        exchange.getRequestBody().readAllBytes()));
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                        .ifPresent(type -> forward.header("Content-Type", type));
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                respond(exchange, answer.statusCode(), answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 502, new byte[0]);
            }
        });
        proxy.start();
        return proxy;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
