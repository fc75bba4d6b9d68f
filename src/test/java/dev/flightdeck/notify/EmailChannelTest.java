package dev.flightdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.redact.Redactor;
import dev.flightdeck.session.SessionEvent;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;

/**
 * E-mail through Angus Mail against real SMTP servers in this JVM: GreenMail with implicit TLS and a login (and plain SMTP
 * without STARTTLS, which the channel must refuse to use), SubEthaSMTP requiring STARTTLS (GreenMail has none). Both
 * present a certificate for 127.0.0.1 that the channel trusts through {@code root-cert}.
 */
class EmailChannelTest {

    private static final LoopbackCertificate CERTIFICATE;

    static {
        try {
            CERTIFICATE = LoopbackCertificate.create(Files.createTempDirectory("flightdeck-smtp-cert"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        // GreenMail reads its TLS keystore from these when its first secure server starts
        System.setProperty("greenmail.tls.keystore.file", CERTIFICATE.keystore().toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("flightdeck@clinic.example", "flightdeck", "s3cret-smtp-password"));

    private static final Notification.SessionFacts FACTS = new Notification.SessionFacts(
            "5f0c-session",
            "Clinic upgrade",
            "Dana Operator",
            "rollback running · 9 of 14 steps done · 20m into a 30m window",
            false);

    @TempDir
    Path dir;

    private final RecordingJournal journal = new RecordingJournal();

    private Outbox outbox(String channelYaml, Map<String, String> environment) {
        Inventory inventory = InventoryLoader.load("notifications:\n" + channelYaml, "mail.inventory.yaml")
                .orElseThrow();
        Channels channels = Channels.open(
                inventory.channels(),
                SecretSource.environmentOnly(environment),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(10));
        assertThat(channels.unavailable()).isEmpty();
        return new Outbox(
                channels.senders(),
                Map.of(),
                new Outbox.Policy(
                        2,
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        2),
                journal,
                Redactor.forSecrets(channels.secrets())::redact,
                Clock.systemUTC());
    }

    private static Notification rollbackStarted() {
        return new Notification(
                "n-7",
                "management",
                "rollback-started",
                "Rollback started by flightdeck",
                "The emergency rollback started: error rate above 1% on the canary",
                FACTS,
                Notification.Urgency.ALERT);
    }

    private Path passwordFile(String permissions) throws Exception {
        Path file = Files.writeString(dir.resolve("smtp.password"), "s3cret-smtp-password\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void implicitTlsWithALoginDeliversThePlainTextMessage() throws Exception {
        Path password = passwordFile("rw-------");
        try (Outbox outbox = outbox("""
                  management:
                    kind: email
                    smtp: 127.0.0.1
                    port: %d
                    tls: implicit
                    from: flightdeck@clinic.example
                    to: [it-management@clinic.example, compliance@clinic.example]
                    user: flightdeck
                    password: { file: %s }
                    root-cert: %s
                """.formatted(MAIL.getSmtps().getPort(), password, CERTIFICATE.pem()), Map.of())) {
            outbox.submit(rollbackStarted());
            assertThat(journal.awaitResults(1, Duration.ofSeconds(20)))
                    .singleElement()
                    .satisfies(result ->
                            assertThat(result.status()).as(result.detail()).isEqualTo(SessionEvent.Status.SUCCEEDED));
        }
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).as("one copy in each recipient's mailbox").hasSize(2);
        assertThat(List.of(received[0].getAllRecipients()).toString())
                .isEqualTo("[it-management@clinic.example, compliance@clinic.example]");
        MimeMessage message = received[0];
        assertThat(message.getSubject())
                .isEqualTo("[Flightdeck] Rollback started by flightdeck (Clinic upgrade, operator Dana Operator)");
        assertThat(message.getFrom()[0].toString()).isEqualTo("flightdeck@clinic.example");
        assertThat(message.getHeader("X-Flightdeck-Notification")).containsExactly("n-7");
        assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo("""
                The emergency rollback started: error rate above 1% on the canary

                Session: 5f0c-session
                System: Clinic upgrade
                Operator: Dana Operator
                State: rollback running · 9 of 14 steps done · 20m into a 30m window""");
        assertThat(journal.results())
                .singleElement()
                .satisfies(result -> assertThat(result.detail())
                        .isEqualTo("accepted by 127.0.0.1:" + MAIL.getSmtps().getPort()
                                + " for it-management@clinic.example, compliance@clinic.example"));
    }

    @Test
    void aServerWithoutStartTlsGetsNothingNotEvenTheLogin() throws Exception {
        try (Outbox outbox =
                outbox("""
                  management:
                    kind: email
                    smtp: 127.0.0.1
                    port: %d
                    from: flightdeck@clinic.example
                    to: [it-management@clinic.example]
                    user: flightdeck
                    password: { env: SMTP_PASSWORD }
                """.formatted(MAIL.getSmtp().getPort()), Map.of("SMTP_PASSWORD", "s3cret-smtp-password"))) {
            outbox.submit(rollbackStarted());
            assertThat(journal.awaitResults(1, Duration.ofSeconds(20)))
                    .singleElement()
                    .satisfies(result -> {
                        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
                        assertThat(result.detail())
                                .containsIgnoringCase("STARTTLS")
                                .doesNotContain("s3cret");
                    });
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsRequiredByTheServerDeliversOverTheUpgradedConnection() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> delivered = new CopyOnWriteArrayList<>();
        SMTPServer server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("127.0.0.1")
                .requireTLS()
                .startTlsSocketFactory(CERTIFICATE.serverContext())
                .messageHandler((context, from, to, data) ->
                        delivered.add(from + " -> " + to + "\n" + new String(data, StandardCharsets.UTF_8)))
                .build();
        server.start();
        try (Outbox outbox = outbox("""
                  management:
                    kind: email
                    smtp: 127.0.0.1
                    port: %d
                    tls: starttls
                    from: flightdeck@clinic.example
                    to: it-management@clinic.example
                    root-cert: %s
                """.formatted(port, CERTIFICATE.pem()), Map.of())) {
            outbox.submit(rollbackStarted());
            assertThat(journal.awaitResults(1, Duration.ofSeconds(20)))
                    .singleElement()
                    .satisfies(result ->
                            assertThat(result.status()).as(result.detail()).isEqualTo(SessionEvent.Status.SUCCEEDED));
        } finally {
            server.stop();
        }
        assertThat(delivered)
                .singleElement()
                .asString()
                .startsWith("flightdeck@clinic.example -> it-management@clinic.example")
                .contains("Subject: [Flightdeck] Rollback started by flightdeck", "State: rollback running");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedAndTheChannelIsUnavailable() throws Exception {
        Path password = passwordFile("rw-r--r--");
        Inventory inventory = InventoryLoader.load("""
                notifications:
                  management: { kind: email, smtp: 127.0.0.1, from: a@clinic.example, to: b@clinic.example, user: u, password: { file: %s } }
                """.formatted(password), "mail.inventory.yaml")
                .orElseThrow();
        Channels channels = Channels.open(
                inventory.channels(),
                SecretSource.environmentOnly(Map.of()),
                HttpClient.newHttpClient(),
                Duration.ofSeconds(5));
        assertThat(channels.senders()).isEmpty();
        assertThat(channels.unavailable().get("management"))
                .contains("can be read by others", "chmod 600")
                .doesNotContain("s3cret");
    }
}
