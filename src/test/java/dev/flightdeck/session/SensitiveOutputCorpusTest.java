package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.review.HtmlReport;
import dev.flightdeck.review.ReviewModel;
import dev.flightdeck.review.ReviewText;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code sensitive-output: true} keeps only the size and SHA-256 of what a step printed: every step kind that may carry it
 * (run over SSH and locally, sql, http), succeeding and failing, prints a marker; the marker is then searched in the
 * decrypted journal (every payload), the journal's files, the HTML report, {@code journal show}'s text, the JSONL
 * evidence pack and the log.
 */
class SensitiveOutputCorpusTest {

    private static final String MARKER = "SSN 078-05-1120";
    private static final String DIGITS = "078-05-1120";

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void aSensitiveStepsOutputIsNowhereInTheClear() throws Exception {
        TestDatabase database = POSTGRES.freshDatabase();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/api/patient", exchange -> {
            byte[] body = ("{\"patient\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        Level level = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (MinaSshServer ssh = MinaSshServer.start(dir.resolve("ssh"))) {
            Path userHome = Files.createDirectories(dir.resolve("user/.ssh")).getParent();
            Files.writeString(userHome.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
            Inventory inventory = InventoryLoader.load(
                            """
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app] }
                    databases:
                      clinic: { host: 127.0.0.1, port: %d, database: %s, user: postgres, sslmode: disable }
                    endpoints:
                      patient: { url: "http://127.0.0.1:%d/api/patient", kind: http }
                    """.formatted(
                                            ssh.port(),
                                            System.getProperty("user.name"),
                                            ssh.userKey(),
                                            database.server().port(),
                                            database.name(),
                                            http.getAddress().getPort()),
                            "inv.yaml")
                    .orElseThrow();
            Runbook runbook = RunbookLoader.load("""
                    runbook: Sensitive corpus
                    phases:
                      - id: all
                        steps:
                          - id: ssh-run
                            run: echo "SSN 078-05-$((1100+20))"; echo "SSN 078-05-$((1100+20))" >&2
                            on: app
                            sensitive-output: true
                          - id: local-run
                            run: echo "SSN 078-05-$((1100+20))"
                            on: local
                            sensitive-output: true
                            expect: { output-contains: "SSN" }
                          - id: sql-value
                            sql: SELECT 'SSN 078-05-' || (1100 + 20) AS ssn
                            database: clinic
                            sensitive-output: true
                          - id: http-body
                            http: patient
                            expect: { status: 200, body-contains: patient }
                            sensitive-output: true
                          - id: sql-error
                            sql: SELECT cast('SSN 078-05-' || (1100 + 20) AS integer)
                            database: clinic
                            sensitive-output: true
                    """, "sensitive.runbook.yaml", "sensitive")
                    .orElseThrow();
            AppContext context =
                    new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of("HOME", userHome.toString()));
            Path journal = dir.resolve("journal");
            List<String> statuses = new ArrayList<>();
            try (LiveSession live = new SessionLauncher(
                            context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                    .start(new SessionLauncher.Choices(
                            runbook,
                            "sha",
                            inventory,
                            "inv.yaml",
                            Map.of(),
                            "Dana",
                            journal,
                            JournalFixture.PASSPHRASE.clone(),
                            target -> Optional.empty(),
                            Credentials.NONE,
                            SessionEvent.Mode.LIVE))) {
                Session session = live.session();
                for (Step step : runbook.steps().toList()) {
                    statuses.add(step.id() + " " + session.run(step.id()).status());
                }
                session.finishSession("corpus done");
            }
            assertThat(statuses)
                    .as("every kind ran; the last one fails on purpose with the marker in its error")
                    .containsExactly(
                            "ssh-run SUCCEEDED",
                            "local-run SUCCEEDED",
                            "sql-value SUCCEEDED",
                            "http-body SUCCEEDED",
                            "sql-error FAILED");

            Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
            StringBuilder decrypted = new StringBuilder();
            for (JournalEntry entry : replay.entries()) {
                decrypted
                        .append(entry.type())
                        .append(' ')
                        .append(entry.payload())
                        .append('\n');
            }
            assertThat(decrypted)
                    .as("the withheld form is there instead")
                    .contains("sensitive output withheld")
                    .as("exit codes and HTTP statuses stay")
                    .contains("\"exit\":\"0\"", "\"status\":\"200\"");
            String html;
            String show;
            try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
                ReviewModel model =
                        ReviewModel.of(replay, JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys)));
                html = Jsoup.parse(HtmlReport.render(model)).text();
                show = String.join("\n", ReviewText.render(model));
            }
            Path pack = dir.resolve("pack");
            EvidencePack.write(
                    replay, new OperatorKeyStore(context.home().keys()).load(JournalFixture.PASSPHRASE.clone()), pack);
            StringBuilder packText = new StringBuilder();
            try (Stream<Path> files = Files.list(pack)) {
                for (Path file : files.toList()) {
                    packText.append(Files.readString(file));
                }
            }
            StringBuilder journalFiles = new StringBuilder();
            try (Stream<Path> files = Files.list(journal)) {
                for (Path file : files.toList()) {
                    journalFiles.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
            String logText = String.join(
                    "\n",
                    log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            Map<String, String> places = Map.of(
                    "decrypted journal",
                    decrypted.toString(),
                    "journal files",
                    journalFiles.toString(),
                    "HTML report",
                    html,
                    "journal show",
                    show,
                    "JSONL evidence pack",
                    packText.toString(),
                    "log",
                    logText);
            int searched = 0;
            for (Map.Entry<String, String> place : places.entrySet()) {
                assertThat(place.getValue())
                        .as(place.getKey())
                        .doesNotContain(DIGITS)
                        .doesNotContain("078\\u002d05");
                searched += place.getValue().length();
            }
            System.out.printf(
                    "sensitive corpus: 5 steps (run over SSH and locally, sql value, http body, sql error), marker found in 0 of %d places"
                            + " (%d characters searched)%n",
                    places.size(), searched);
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
            http.stop(0);
        }
    }
}
