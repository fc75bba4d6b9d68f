package dev.flightdeck.metrics.prometheus;

import static dev.flightdeck.metrics.prometheus.PromQlRulesTest.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.notify.SecretSource;
import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tls.TestCertificates;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The organisation's Prometheus behind TLS (its own certificate authority) and basic auth, as its web config file sets
 * them: PromQL signals are read over https when the inventory trusts that authority and holds the right password;
 * otherwise every reading says plainly what is wrong, and the password appears in no message and no log.
 */
@RequiresTool("prometheus")
class PromQlOverTlsTest {

    private static final String USER = "flightdeck";
    private static final String PASSWORD = "s3cret-Horse-battery";

    @TempDir
    Path dir;

    @Test
    void signalsAreReadOverHttpsOnlyWithTheTrustedAuthorityAndTheRightPassword() throws Exception {
        TestCertificates authority = TestCertificates.newAuthority("Flightdeck test CA");
        Path ca = dir.resolve("ca.pem");
        authority.writeCa(ca);
        authority.issueServer(dir.resolve("server.crt"), dir.resolve("server.key"));
        String webConfig = """
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                basic_auth_users:
                  %s: '%s'
                """.formatted(
                        dir.resolve("server.crt"), dir.resolve("server.key"), USER, RealPrometheus.bcrypt(PASSWORD));
        Path rightPassword = RealPrometheus.ownerOnlyFile(dir, "right-password", PASSWORD);
        Path wrongPassword = RealPrometheus.ownerOnlyFile(dir, "wrong-password", "not-the-password");

        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        Level level = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (GaugePage app = new GaugePage()) {
            app.set("test_error_percent", 0.3);
            RealPrometheus prometheus = RealPrometheus.start(
                    dir.resolve("prometheus"),
                    List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))),
                    Optional.of(new RealPrometheus.WebConfig(
                            webConfig,
                            PrometheusHttp.client(Optional.of(ca)),
                            Optional.of(PrometheusHttp.basic(USER, PASSWORD.toCharArray())))));
            try {
                assertThat(prometheus.url().getScheme()).isEqualTo("https");

                try (PromQlInstruments trusted = instruments(prometheus, Optional.of(ca), rightPassword)) {
                    awaitUntil(() -> trusted.engine
                            .store()
                            .find(new SeriesId("app1", "error_rate"))
                            .isPresent());
                    assertThat(prometheusStatus(trusted).lastError()).isEmpty();
                }

                try (PromQlInstruments untrusted = instruments(prometheus, Optional.empty(), rightPassword)) {
                    String error = awaitError(untrusted);
                    assertThat(error)
                            .contains(
                                    "cannot reach " + prometheus.url() + "/api/v1/query",
                                    "its TLS certificate is not trusted",
                                    "set 'ca-cert' of 'prometheus'");
                    assertThat(untrusted.engine.store().find(new SeriesId("app1", "error_rate")))
                            .isEmpty();
                }

                try (PromQlInstruments refused = instruments(prometheus, Optional.of(ca), wrongPassword)) {
                    String error = awaitError(refused);
                    assertThat(error).contains("HTTP 401 from " + prometheus.url(), "the credentials were refused");
                    assertThat(refused.engine.store().find(new SeriesId("app1", "error_rate")))
                            .isEmpty();
                }
            } finally {
                prometheus.close();
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
        }
        assertThat(log.list)
                .as("Flightdeck's log while reading with the password")
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getFormattedMessage() + throwableText(event))
                        .doesNotContain(PASSWORD));
    }

    private PromQlInstruments instruments(RealPrometheus prometheus, Optional<Path> ca, Path passwordFile) {
        String inventory = """
                prometheus:
                  url: %s
                %s  basic-auth: { user: %s, password: { file: "%s" } }
                  every: 1s
                  signals:
                    error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                """.formatted(
                        prometheus.url(),
                        ca.map(file -> "  ca-cert: \"" + file + "\"\n").orElse(""),
                        USER,
                        passwordFile);
        String triggers = """
                  - when: error_rate > 5%
                """;
        SecretSource secrets = new SecretSource(Map.of(), prompt -> Optional.empty());
        return new PromQlInstruments(inventory, triggers, secrets::resolve).start();
    }

    /** The first reading's error, once the collector has one; it never holds the password. */
    private static String awaitError(PromQlInstruments instruments) {
        awaitUntil(() -> instruments.engine.collectorStatuses().stream()
                .anyMatch(status -> status.source().equals("prometheus")
                        && status.lastError().isPresent()));
        String error = prometheusStatus(instruments).lastError().orElseThrow();
        assertThat(error).doesNotContain(PASSWORD);
        assertThat(instruments.engine.triggers().statuses())
                .allSatisfy(status -> assertThat(status.detail()).doesNotContain(PASSWORD));
        return error;
    }

    private static CollectorStatus prometheusStatus(PromQlInstruments instruments) {
        return instruments.engine.collectorStatuses().stream()
                .filter(status -> status.source().equals("prometheus"))
                .findFirst()
                .orElseThrow();
    }

    private static String throwableText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder();
        for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(' ').append(thrown.getMessage());
        }
        return text.toString();
    }
}
