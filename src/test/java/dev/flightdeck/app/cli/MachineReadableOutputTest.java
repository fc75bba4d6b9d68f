package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.metrics.FakeAppServer;
import dev.flightdeck.runbook.BuiltinRunbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every --json output is read back with a JSON parser, as a script or CI job would. */
class MachineReadableOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_KIND = "src/test/resources/runbooks/every-kind.runbook.yaml";
    private static final String UNKNOWN_KEY = "src/test/resources/runbooks/malformed/03-unknown-step-key.runbook.yaml";

    @TempDir
    Path dir;

    @Test
    void runbookListIsAnArrayWithOneObjectPerBuiltin() throws Exception {
        CliRun run = CliRun.run(dir.resolve("home"), "runbook", "list", "--json");

        JsonNode list = JSON.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(BuiltinRunbooks.ids().size());
        assertThat(list.get(0).get("id").asText()).isNotBlank();
        assertThat(list.get(0).get("steps").asInt()).isPositive();
    }

    @Test
    void runbookValidateGivesEachProblemWithFileLineColumnAndSeverity() throws Exception {
        CliRun bad = CliRun.run(dir.resolve("home"), "runbook", "validate", "--json", EVERY_KIND, UNKNOWN_KEY);
        CliRun good = CliRun.run(dir.resolve("home"), "runbook", "validate", "--json", EVERY_KIND);

        JsonNode report = JSON.readTree(bad.out());
        assertThat(bad.exitCode()).isEqualTo(Cli.PROBLEM);
        assertThat(report.get("valid").asBoolean()).isFalse();
        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(UNKNOWN_KEY);
        assertThat(problem.get("line").asInt()).isEqualTo(8);
        assertThat(problem.get("column").asInt()).isEqualTo(9);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("message").asText()).contains("unknown key 'timout'");
        assertThat(good.exitCode()).isZero();
        assertThat(JSON.readTree(good.out()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void runPrintsOneJsonEventPerLineAndJournalVerifyTheWholeReport() throws Exception {
        Path runbook = Files.writeString(dir.resolve("small.runbook.yaml"), """
                runbook: Small window
                phases:
                  - id: only
                    steps:
                      - id: notice
                        confirm: Users were notified
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                      - id: hello
                        run: echo hello
                        "on": local
                rollback:
                  - confirm: Nothing to undo
                """);
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        Path journal = dir.resolve("journal");

        CliRun run = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--approve",
                "COMPLIANCE=Lee Compliance",
                "--passphrase-file",
                passphrase.toString(),
                "--yes",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events =
                run.out().lines().map(MachineReadableOutputTest::parse).toList();
        assertThat(events).extracting(event -> event.get("type").asText()).contains("step.outcome", "session.closed");
        assertThat(events)
                .allSatisfy(event -> assertThat(event.get("sequence").asLong()).isPositive());
        assertThat(run.err()).contains("All steps done");

        CliRun verify = CliRun.run(dir.resolve("home"), "journal", "verify", journal.toString(), "--json");
        JsonNode report = JSON.readTree(verify.out());
        assertThat(verify.exitCode()).isZero();
        assertThat(report.get("verdict").asText()).isEqualTo("INTACT");
        assertThat(report.get("closed").asBoolean()).isTrue();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("checkpoints")).isNotEmpty();
        assertThat(report.get("records").asLong()).isGreaterThanOrEqualTo(events.size());
        JsonNode approvals = report.get("approvals");
        assertThat(approvals.get("anyRefused").asBoolean()).isFalse();
        assertThat(approvals.get("list")).hasSize(1);
        JsonNode typed = approvals.get("list").get(0);
        assertThat(typed.get("stepId").asText()).isEqualTo("gate");
        assertThat(typed.get("approver").asText()).isEqualTo("Lee Compliance");
        assertThat(typed.get("role").asText()).isEqualTo("COMPLIANCE");
        assertThat(typed.get("keyFingerprint").isNull()).isTrue();
        assertThat(typed.get("verdict").asText()).isEqualTo("UNVERIFIED");
        assertThat(typed.get("mark").asText()).isEqualTo("unverified");
        assertThat(typed.get("reason").asText()).startsWith("unverified approval: a typed name");
    }

    @Test
    void metricsPrintsOneObjectPerSampleRound() throws Exception {
        try (FakeAppServer app = new FakeAppServer()) {
            app.served(1000, 0, 0.03);
            Path inventory = Files.writeString(dir.resolve("web.inventory.yaml"), """
                    endpoints:
                      web-health: { url: "%s", kind: health }
                    """.formatted(app.url("/health")));

            CliRun run =
                    CliRun.run(dir.resolve("home"), "metrics", "--inventory", inventory.toString(), "--once", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> rounds =
                    run.out().lines().map(MachineReadableOutputTest::parse).toList();
            assertThat(rounds).hasSize(1);
            JsonNode series = rounds.get(0).get("series").get(0);
            assertThat(series.get("source").asText()).isEqualTo("web-health");
            assertThat(series.get("signal").asText()).isEqualTo("health");
            assertThat(series.get("value").asDouble()).isEqualTo(1.0);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
