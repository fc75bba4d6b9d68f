package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;
import dev.flightdeck.testing.tools.RequiresTool;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal end to end, headless, through the real command line and engine against a real sandbox: the healthy
 * upgrade completes; the faulty one trips the error-rate trigger during the watch, and {@code flightdeck rollback}
 * brings back v1 with the data exactly as captured before the window. Both journals verify and export. Two CPU-bound
 * processes run beside them the whole time: a busy machine must not fire the relative latency rule on the healthy one.
 */
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class RehearsalEndToEndTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;

    /**
     * The healthy rehearsal spends most of its time watching; it runs on its own thread (own home, own sandbox) while
     * the faulty one runs, so the two scenarios together take about as long as one.
     */
    private static CompletableFuture<CliRun> healthy;
    /** The faulty rehearsal in one command, rolled back by its own trigger's countdown: also alongside. */
    private static CompletableFuture<CliRun> autoRolledBack;

    /** Two processes spinning on the CPU for the whole class, as on a busy 2-core machine. */
    private static final List<Process> BURNERS = new ArrayList<>();

    /** The on-call channel of the faulty one-command rehearsal: a webhook receiver on 127.0.0.1, declared in the operator's settings. */
    private static HttpServer onCall;

    private static final List<String> onCallMessages = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheOneCommandRehearsalsAlongside() throws Exception {
        for (int i = 0; i < 2; i++) {
            BURNERS.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        onCall = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        onCall.createContext("/on-call", exchange -> {
            onCallMessages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        onCall.start();
        Files.createDirectories(dir.resolve("home-auto"));
        Files.writeString(dir.resolve("home-auto/notifications.yaml"), """
                channels:
                  on-call: { kind: webhook, url: "http://127.0.0.1:%d/on-call" }
                subscribe:
                  alarm: [on-call]
                  rollback-started: [on-call]
                  rollback-finished: [on-call]
                """.formatted(
                        onCall.getAddress().getPort()));
        healthy = alongside("healthy-rehearsal", "home-healthy", "healthy-journal");
        autoRolledBack =
                alongside("auto-rollback-rehearsal", "home-auto", "auto-journal", "--fault", "--auto-rollback");
    }

    @AfterAll
    static void stopTheOnCallChannelAndTheBurners() throws Exception {
        onCall.stop(0);
        for (Process burner : BURNERS) {
            burner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<CliRun> alongside(String name, String home, String journal, String... options) {
        CompletableFuture<CliRun> result = new CompletableFuture<>();
        List<String> arguments = new ArrayList<>(List.of(
                "run",
                Sandbox.RUNBOOK_ID,
                "--sandbox",
                "--journal",
                dir.resolve(journal).toString(),
                "--operator",
                "Dana Operator",
                "--yes",
                "--approve",
                "COMPLIANCE=Lee Compliance"));
        arguments.addAll(List.of(options));
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(flightdeck(home, Map.of(), arguments.toArray(String[]::new)));
                    } catch (Throwable failure) {
                        result.completeExceptionally(failure);
                    }
                },
                name);
        thread.start();
        return result;
    }

    @Test
    void theFaultyRehearsalInOneCommandRollsItselfBackWhenTheCountdownRunsOutAndVerifiesIt() throws Exception {
        CliRun run = autoRolledBack.get(4, TimeUnit.MINUTES);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(HeadlessRun.ROLLED_BACK);
        assertThat(run.out())
                .containsSubsequence(
                        "4.4 Watch",
                        "rollback trigger fired",
                        "Rollback started by flightdeck",
                        "restored clinic from snapshot",
                        "V1   Counts and content hashes equal the capture before the window  Data check    PASS",
                        "Verification passed, checkpoint",
                        "Rollback done.");
        assertThat(run.out()).doesNotContain("FAIL ", "notifications:");
        assertVerifiesAndExports("home-auto", dir.resolve("auto-journal"));
        // the operator's on-call channel heard of the alarm and the rollback's start and end, and the report lists each
        // delivery
        assertThat(onCallMessages)
                .extracting(body -> body.replaceAll(".*\"subject\":\"([^\"]*)\".*", "$1"))
                .containsSubsequence(
                        "Alarm: error_rate > 1% for 10s",
                        "Rollback started by flightdeck", "Rollback finished: succeeded");
        assertThat(onCallMessages)
                .allSatisfy(body -> assertThat(body).contains("\"rehearsal\":true", "\"operator\":\"Dana Operator\""));
        assertThat(dir.resolve("auto-journal-export/html/journal-report.html"))
                .content()
                .contains("<h2>Notifications</h2>")
                .containsPattern(
                        "<td>on-call</td><td class=\"mono\">alarm</td><td>Alarm: error_rate &gt; 1% for 10s</td><td class=\"status\">delivered \\(1 attempt")
                .containsPattern(
                        "<td>on-call</td><td class=\"mono\">rollback-started</td><td>Rollback started by flightdeck</td><td class=\"status\">delivered")
                .containsPattern(
                        "<td>on-call</td><td class=\"mono\">rollback-finished</td><td>Rollback finished: succeeded</td><td class=\"status\">delivered");
    }

    @Test
    void theHealthyRehearsalRunsEveryStepAndItsJournalVerifiesAndExports() throws Exception {
        CliRun run = healthy.get(4, TimeUnit.MINUTES);
        System.out.println(run.out());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Rehearsal sandbox up in",
                        "4.4 Watch",
                        "watched 45s with no trigger firing",
                        "All steps done. Closing checkpoint");
        assertThat(run.out())
                .as("the baseline step, wired by the launcher to the session's live instruments")
                .containsPattern(
                        "1\\.2 Baseline: .*\\n(.*\\n)*.*app1-metrics · latency_p95: median \\d+ ms(.*\\n)*.*captured \\d+ baselines from");
        assertVerifiesAndExports("home-healthy", dir.resolve("healthy-journal"));
        // run --sandbox journals a rehearsal, and a reviewer can never take it for a real window
        assertThat(dir.resolve("healthy-journal-export/html/journal-report.html"))
                .content()
                .contains("REHEARSAL: this session ran against the rehearsal sandbox");
    }

    @Test
    void theFaultyRehearsalTripsTheErrorRateTriggerAndTheRollbackRestoresDataAndTheOldRelease() throws Exception {
        Path journal = dir.resolve("faulty-journal");
        try (RunningSandbox sandbox = Sandbox.start(
                new SandboxOptions(dir.resolve("sandbox"), true, dir.resolve("home-faulty/known_hosts")))) {
            ClinicFacts before = ClinicFacts.of(sandbox);
            Map<String, String> environment =
                    Map.of("PGPASSFILE", sandbox.pgpassFile().toString());
            String inventory = sandbox.inventoryFile().toString();
            Path runbookFile = Files.writeString(
                    dir.resolve("rehearsal.runbook.yaml"),
                    BuiltinRunbooks.source(Sandbox.RUNBOOK_ID).orElseThrow());
            CliRun validate = flightdeck(
                    "home-faulty",
                    environment,
                    "runbook",
                    "validate",
                    runbookFile.toString(),
                    "--inventory",
                    inventory);
            assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
            assertThat(validate.out() + validate.err()).doesNotContain("warning");
            CliRun run = flightdeck(
                    "home-faulty",
                    environment,
                    "run",
                    Sandbox.RUNBOOK_ID,
                    "--inventory",
                    inventory,
                    "--journal",
                    journal.toString(),
                    "--operator",
                    "Dana Operator",
                    "--yes",
                    "--approve",
                    "COMPLIANCE=Lee Compliance");
            System.out.println(run.out());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Cli.PROBLEM);
            assertThat(run.out()).contains("error_rate > 1%");
            assertThat(ClinicFacts.of(sandbox).schemaVersion()).isEqualTo(2);

            CliRun rollback = flightdeck(
                    "home-faulty",
                    environment,
                    "rollback",
                    "--journal",
                    journal.toString(),
                    "--inventory",
                    inventory,
                    "--operator",
                    "Dana Operator",
                    "--yes",
                    "--reason",
                    "error rate above 1% on the canary");
            System.out.println(rollback.out());
            assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
            assertThat(rollback.out()).contains("Rollback done. Checkpoint ");

            assertThat(ClinicFacts.of(sandbox)).isEqualTo(before);
            for (String url : sandbox.appUrls().values()) {
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url + "/api/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"version\":\"v1\"", "\"schema\":1");
            }
        }
        assertVerifiesAndExports("home-faulty", journal);
    }

    private static void assertVerifiesAndExports(String home, Path journal) {
        CliRun verify = flightdeck(home, Map.of(), "journal", "verify", journal.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        Path export = dir.resolve(journal.getFileName() + "-export");
        for (String format : List.of("html", "jsonl")) {
            CliRun exported = flightdeck(
                    home,
                    Map.of(),
                    "journal",
                    "export",
                    journal.toString(),
                    "--format",
                    format,
                    "--out",
                    export.resolve(format).toString());
            assertThat(exported.exitCode()).as(exported.out() + exported.err()).isZero();
        }
        CliRun pack = flightdeck(
                home, Map.of(), "journal", "verify", export.resolve("jsonl").toString());
        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
    }

    private static CliRun flightdeck(String home, Map<String, String> environment, String... args) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("FLIGHTDECK_PASSPHRASE", PASSPHRASE);
        return CliRun.runWith(dir.resolve(home), all, args);
    }
}
