package dev.flightdeck.session.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpNotifyWaitExecutorTest {

    private LoopbackHttpServer server;
    private Inventory inventory;
    private final List<String> output = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackHttpServer()
                .answer("/api/health", 200, "{\"status\":\"ok\",\"version\":\"2.0.0\"}", 0)
                .answer("/api/slow", 200, "ok", 400)
                .answer("/api/broken", 503, "maintenance", 0)
                .answer("/hooks/chat", 204, "", 0)
                .answer("/hooks/refusing", 403, "no", 0);
        inventory = InventoryLoader.load(
                        """
                endpoints:
                  health: { url: "%s", kind: health }
                  chat: "%s"
                  refusing: "%s"
                """.formatted(
                                server.url("/api/health"), server.url("/hooks/chat"), server.url("/hooks/refusing")),
                        "inv.yaml")
                .orElseThrow();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Step step(String yaml) {
        Runbook runbook = RunbookLoader.load(
                        "runbook: t\nvariables: { base: x, release: y }\nphases:\n  - id: p\n    steps:\n"
                                + yaml.indent(6) + "rollback:\n  - confirm: back\n",
                        "t.yaml",
                        "t")
                .orElseThrow();
        return runbook.steps().findFirst().orElseThrow();
    }

    private StepRun run(Step step) {
        return new StepRun(
                step,
                1,
                new SessionValues(Map.of("release", "2.0.0", "base", server.url(""))),
                inventory,
                (host, stream, text) -> output.add(host + ": " + text),
                step.timeout(),
                null,
                "dana");
    }

    private final HttpStepExecutor http = new HttpStepExecutor(HttpStepExecutor.defaultClient());

    @Test
    void aHealthyEndpointPassesAndItsAnswerBecomesOutputs() throws Exception {
        StepResult result = http.execute(run(step("""
                - id: health
                  http: health
                  expect: { status: 200, body-contains: "2.0.0" }
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
        assertThat(result.outputs())
                .containsEntry("status", "200")
                .containsKey("latency")
                .containsEntry("body", "{\"status\":\"ok\",\"version\":\"2.0.0\"}");
        assertThat(result.message()).startsWith(server.url("/api/health") + " answered 200 in ");
        assertThat(output)
                .as("the output pane shows the check: request, status and latency, the expectation, the body")
                .hasSize(4)
                .startsWith("health: GET " + server.url("/api/health"));
        assertThat(output.get(1)).matches("health: answered 200 in \\d+ ms");
        assertThat(output.get(2)).isEqualTo("health: expected HTTP status 200; body contains \"2.0.0\": met");
        assertThat(output.get(3)).isEqualTo("health: body: {\"status\":\"ok\",\"version\":\"2.0.0\"}");
    }

    @Test
    void aWrongStatusFailsWithWhatWasExpected() throws Exception {
        StepResult result = http.execute(run(step("""
                - id: broken
                  http: "${base}/api/broken"
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).isEqualTo(server.url("/api/broken") + " answered 503 (expected 2xx)");
        assertThat(result.outputs()).containsEntry("body", "maintenance");
        assertThat(output).contains("127.0.0.1: expected a 2xx status: NOT met", "127.0.0.1: body: maintenance");
    }

    @Test
    void aSlowAnswerFailsTheLatencyExpectation() throws Exception {
        StepResult result = http.execute(run(step("""
                - id: slow
                  http: { url: "${base}/api/slow" }
                  expect: { max-latency: 100ms }
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).contains("(expected within 100ms)");
    }

    @Test
    void anAnswerLaterThanTheTimeoutFails() throws Exception {
        StepResult result = http.execute(run(step("""
                - id: slow
                  http: { url: "${base}/api/slow" }
                  timeout: 100ms
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).isEqualTo(server.url("/api/slow") + " did not answer within 100ms");
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StepResult result =
                http.execute(run(step("- id: gone\n  http: \"http://127.0.0.1:" + closedPort + "/health\"\n")));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to 127.0.0.1:" + closedPort + " (connection refused)");
    }

    @Test
    void aNoticeIsRecordedAndPostedToItsWebhook() throws Exception {
        NotifyStepExecutor notify = new NotifyStepExecutor(HttpStepExecutor.defaultClient());

        StepResult result = notify.execute(run(step("""
                - id: done
                  notify: { message: "Upgrade to ${release} complete", audience: clinic staff, webhook: chat }
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
        assertThat(output).containsExactly("notice: To clinic staff: Upgrade to 2.0.0 complete");
        assertThat(server.posted).contains("{\"text\":\"Upgrade to 2.0.0 complete\",\"to\":\"clinic staff\"}");
    }

    @Test
    void aWebhookThatRefusesFailsTheNotice() throws Exception {
        NotifyStepExecutor notify = new NotifyStepExecutor(HttpStepExecutor.defaultClient());

        StepResult result = notify.execute(run(step("""
                - id: done
                  notify: { message: done, webhook: refusing }
                """)));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).isEqualTo("webhook 'refusing' refused the notice with status 403");
    }

    @Test
    void aQuietWatchPassesWhenTheTimeIsUp() throws Exception {
        WaitStepExecutor wait = new WaitStepExecutor(AlarmWatch.NONE, Clock.systemUTC());

        StepResult result = wait.execute(run(step("- id: canary\n  wait: { duration: 300ms, watch: canary 10% }\n")));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
        assertThat(result.message()).isEqualTo("watched 300ms with no trigger firing");
        assertThat(output).containsExactly("watch: Watching for 300ms: canary 10%");
    }

    @Test
    void aRollbackTriggerFiringDuringTheWatchFailsItAtOnce() throws Exception {
        Instant firesAt = Instant.now().plusMillis(200);
        WaitStepExecutor wait = new WaitStepExecutor(
                since -> Instant.now().isAfter(firesAt)
                        ? List.of(new AlarmWatch.Fired("error_rate > 1% for 5m", true))
                        : List.of(),
                Clock.systemUTC());
        long started = System.nanoTime();

        StepResult result = wait.execute(run(step("- id: canary\n  wait: 10m\n")));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message())
                .startsWith("rollback trigger fired after ")
                .endsWith("of watching: error_rate > 1% for 5m");
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).isLessThan(60);
    }

    @Test
    void anAlertOnlyRuleFiringDuringTheWatchIsWrittenOnceAndTheWatchPassesWithAWarning() throws Exception {
        WaitStepExecutor wait = new WaitStepExecutor(
                since -> List.of(new AlarmWatch.Fired("db connection failures", false)), Clock.systemUTC());

        StepResult result = wait.execute(run(step("- id: canary\n  wait: { duration: 600ms, watch: canary 10% }\n")));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
        assertThat(result.message())
                .isEqualTo("watched 600ms with no rollback trigger firing; 1 alert fired (see the output)");
        assertThat(result.outputs()).containsEntry(StepRecord.WARNINGS, "1");
        assertThat(output)
                .as("the alert is told once, though the watch asks again every 250 ms")
                .hasSize(2)
                .first()
                .isEqualTo("watch: Watching for 600ms: canary 10%");
        assertThat(output.get(1))
                .startsWith("watch: alert after ")
                .endsWith(" of watching: db connection failures (alert only: nothing is armed, the watch goes on)");
    }

    @Test
    void aRollbackTriggerAfterAnAlertStillFailsTheWatch() throws Exception {
        WaitStepExecutor wait = new WaitStepExecutor(
                since -> List.of(
                        new AlarmWatch.Fired("db connection failures", false),
                        new AlarmWatch.Fired("error_rate > 1% for 5m", true)),
                Clock.systemUTC());

        StepResult result = wait.execute(run(step("- id: canary\n  wait: 10m\n")));

        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
        assertThat(result.message()).endsWith("of watching: error_rate > 1% for 5m");
        assertThat(output).last().asString().contains("alert after ", "db connection failures");
    }
}
