package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sensitive-output: true} keeps only the size and SHA-256 of what a step printed: every step kind that may carry it
 * (run over SSH and locally, sql, http), succeeding and failing, prints a marker; the marker is then searched in the
 * decrypted journal (every payload), the journal's files, the HTML report, {@code journal show}'s text, the JSONL
 * evidence pack and the log ({@link WhereSessionTextGoes}).
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
        try (WhereSessionTextGoes.LogFile log = new WhereSessionTextGoes.LogFile(dir.resolve("flightdeck.log"));
                MinaSshServer ssh = MinaSshServer.start(dir.resolve("ssh"))) {
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

            Map<String, String> places = WhereSessionTextGoes.of(
                    journal, JournalFixture.PASSPHRASE, context.home(), dir.resolve("pack"), log.text());
            assertThat(places.get("decrypted journal"))
                    .as("the withheld form is there instead")
                    .contains("sensitive output withheld")
                    .as("exit codes and HTTP statuses stay")
                    .contains("\"exit\":\"0\"", "\"status\":\"200\"");
            long searched = WhereSessionTextGoes.assertNowhere(places, List.of(DIGITS, "078\\u002d05"));
            System.out.printf(
                    "sensitive corpus: 5 steps (run over SSH and locally, sql value, http body, sql error), marker found in 0 of %d places"
                            + " (%d characters searched)%n",
                    places.size(), searched);
        } finally {
            http.stop(0);
        }
    }
}
