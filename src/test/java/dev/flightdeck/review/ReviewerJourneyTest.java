package dev.flightdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.journal.Checkpoint;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's journey (JOURNEYS.md, 3): the rehearsal runs through the real command line and engine against the real
 * sandbox — once with the fault and the automatic rollback, once healthy — then the reviewer exports the HTML report and
 * the JSONL evidence pack and reads {@code journal show}. The HTML is parsed, and every step of the runbook is checked
 * against what the journal holds: title, kind, target, command, who, duration, result and a status style matching the
 * outcome. No placeholder anywhere.
 */
class ReviewerJourneyTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;

    private static CompletableFuture<CliRun> faulty;
    private static CompletableFuture<CliRun> healthy;

    @BeforeAll
    static void rehearseBothAlongside() {
        faulty = alongside("home-faulty", "faulty-journal", "--fault", "--auto-rollback");
        healthy = alongside("home-healthy", "healthy-journal");
    }

    private static CompletableFuture<CliRun> alongside(String home, String journal, String... options) {
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
        CompletableFuture<CliRun> result = new CompletableFuture<>();
        new Thread(
                        () -> {
                            try {
                                result.complete(flightdeck(home, arguments.toArray(String[]::new)));
                            } catch (Throwable failure) {
                                result.completeExceptionally(failure);
                            }
                        },
                        "rehearsal-" + journal)
                .start();
        return result;
    }

    @Test
    void theRolledBackRehearsalReadsStepByStepWithItsAlarmsRollbackAndVerification() throws Exception {
        CliRun run = faulty.get(5, TimeUnit.MINUTES);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
        Path journal = dir.resolve("faulty-journal");
        Document html = exportAndParse("home-faulty", journal);
        checkEveryStep(html, journal);

        assertThat(html.selectFirst("#outcome").text()).isEqualTo("rolled back and verified");
        assertThat(html.select("table.alarms tr.alarm"))
                .as("alarms with their evidence")
                .isNotEmpty();
        assertThat(html.select("table.alarms tr.alarm").first().text()).contains("error_rate > 1%", "limit 1.00%");
        Element verification = html.selectFirst("table.verification");
        assertThat(verification.select("tbody tr")).hasSize(4);
        for (Element row : verification.select("tbody tr")) {
            assertThat(row.selectFirst("td.status").text()).isEqualTo("PASS");
            assertThat(row.className()).isEqualTo("succeeded");
        }
        assertThat(html.selectFirst("#rollback-result").text()).startsWith("Rollback succeeded at");
        assertThat(html.select("table.rollback-steps tr.step"))
                .extracting(Element::className)
                .containsOnly("step succeeded");

        String show = show("home-faulty", journal);
        assertThat(show)
                .contains(
                        "outcome:      rolled back and verified",
                        "== Alarms",
                        "error_rate > 1% for 10s → rollback",
                        "V1   PASS",
                        "rollback succeeded at");
    }

    @Test
    void theHealthyRehearsalReadsCompletedWithEveryStepSucceeded() throws Exception {
        CliRun run = healthy.get(5, TimeUnit.MINUTES);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path journal = dir.resolve("healthy-journal");
        Document html = exportAndParse("home-healthy", journal);
        checkEveryStep(html, journal);
        assertThat(html.selectFirst("#outcome").text()).isEqualTo("completed");
        assertThat(html.select("table.steps tr.step"))
                .extracting(Element::className)
                .containsOnly("step succeeded", "step unverified");
        assertThat(html.select("table.steps tr.step.unverified"))
                .as("only the approval gate, approved by a typed name, is a warning")
                .extracting(row -> cell(row, "title"))
                .singleElement()
                .asString()
                .containsIgnoringCase("approv");
        assertThat(html.select("table.approvals tr.unverified td.proof"))
                .extracting(Element::text)
                .containsExactly(
                        "unverified unverified approval: a typed name, nothing the approver signed (no roster)");
        assertThat(html.selectFirst("#rollback").text()).contains("No rollback.");
        assertThat(show("home-healthy", journal)).contains("outcome:      completed");
    }

    /** Every step of the runbook, phase by phase and in the rollback, against the decrypted journal's own events. */
    private static void checkEveryStep(Document html, Path journal) throws Exception {
        List<Recorded> history = SessionJournals.read(journal, PASSPHRASE.toCharArray());
        Runbook runbook =
                BuiltinRunbooks.load(Sandbox.RUNBOOK_ID).orElseThrow().value().orElseThrow();
        SessionState state = SessionFold.fold(runbook, history);
        Map<String, SessionEvent.StepIntent> intents = new HashMap<>();
        Map<String, SessionEvent.StepOutcome> outcomes = new HashMap<>();
        Map<String, String> confirmedBy = new HashMap<>();
        Map<String, String> approvedBy = new HashMap<>();
        String operator = null;
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.StepIntent intent) {
                intents.put(intent.stepId(), intent);
                operator = recorded.actor();
            } else if (recorded.event() instanceof SessionEvent.StepOutcome outcome) {
                outcomes.put(outcome.stepId(), outcome);
            } else if (recorded.event() instanceof SessionEvent.Confirmation confirmation) {
                confirmedBy.put(confirmation.stepId(), recorded.actor());
            } else if (recorded.event() instanceof SessionEvent.Approval approval) {
                approvedBy.put(approval.stepId(), approval.approver() + " (" + approval.role() + ")");
            }
        }
        Map<String, Element> rows = new LinkedHashMap<>();
        html.select("tr.step").forEach(row -> rows.put(row.attr("data-step"), row));
        List<Step> steps =
                Stream.concat(runbook.steps(), runbook.rollback().stream()).toList();
        int checked = 0;
        for (Step step : steps) {
            String number = runbook.numberOf(step.id());
            Element row = rows.get(number);
            boolean isRollback = runbook.rollback().contains(step);
            if (isRollback
                    && !intents.containsKey(step.id())
                    && !html.select("table.rollback-steps").isEmpty()) {
                assertThat(row)
                        .as("rollback step %s not run is still listed", number)
                        .isNotNull();
            }
            if (row == null) {
                assertThat(isRollback && !intents.containsKey(step.id()))
                        .as("step %s has a row", number)
                        .isTrue();
                continue;
            }
            assertThat(cell(row, "title")).as(number).isEqualTo(state.title(step));
            SessionEvent.StepIntent intent = intents.get(step.id());
            SessionEvent.StepOutcome outcome = outcomes.get(step.id());
            if (intent == null) {
                assertThat(row.className()).isEqualTo("step not-run");
                assertThat(cell(row, "status")).isEqualTo("not run");
                continue;
            }
            assertThat(cell(row, "kind"))
                    .as(number)
                    .isEqualTo(intent.kind())
                    .isEqualTo(step.kind().key());
            assertThat(cell(row, "targets"))
                    .as(number)
                    .isEqualTo(intent.targets().isEmpty() ? "—" : String.join(", ", intent.targets()));
            assertThat(row.selectFirst("td.command code").wholeText())
                    .as(number)
                    .isEqualTo(intent.text());
            String who = cell(row, "who");
            if (approvedBy.containsKey(step.id())) {
                assertThat(who).as(number).contains("approved by " + approvedBy.get(step.id()));
            } else if (confirmedBy.containsKey(step.id())) {
                assertThat(who).as(number).isEqualTo("confirmed by " + confirmedBy.get(step.id()));
            } else {
                assertThat(who).as(number).isEqualTo("run by " + operator);
            }
            assertThat(outcome).as("%s has an outcome", number).isNotNull();
            assertThat(cell(row, "duration")).as(number).isEqualTo(Words.duration(outcome.durationMillis()));
            assertThat(cell(row, "result")).as(number).contains(outcome.message());
            outcome.hosts()
                    .forEach(host -> assertThat(cell(row, "result"))
                            .contains(host.host() + ": " + host.status().name().toLowerCase()
                                    + (host.exitCode() == null ? "" : ", exit " + host.exitCode())));
            String status = outcome.status().name().toLowerCase();
            if (approvedBy.containsKey(step.id()) && outcome.status() == SessionEvent.Status.SUCCEEDED) {
                // the rehearsal's approvals are typed names (--approve): the gate passed, but nothing proves who
                // approved, so it is a warning and says why, never the green of a proven success
                assertThat(row.className()).as(number).isEqualTo("step unverified");
                assertThat(cell(row, "status")).as(number).isEqualTo("approved, unverified");
                assertThat(row.selectFirst("td.result div.caution").text())
                        .as(number)
                        .isEqualTo("⚠ Approval not verified: " + approvedBy.get(step.id())
                                + " — unverified approval: a typed name, nothing the approver signed (no roster)");
            } else {
                assertThat(row.className()).as(number).isEqualTo("step " + status);
                assertThat(cell(row, "status")).as(number).isEqualTo(status);
                assertThat(row.select("td.result div.caution")).as(number).isEmpty();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(15);

        Replay replay = Journal.read(journal, PASSPHRASE.toCharArray());
        assertThat(html.select("table.checkpoints td.hash"))
                .extracting(Element::text)
                .containsExactlyElementsOf(
                        replay.checkpoints().stream().map(Checkpoint::shortHash).toList());
        assertThat(html.select("table.approvals td.approver"))
                .extracting(Element::text)
                .containsExactly("Lee Compliance");
        assertThat(html.selectFirst("#closed").text()).startsWith("closed:");
        Element summary = html.selectFirst("table.summary");
        assertThat(summary.text())
                .contains(
                        "Rehearsal: clinic app v1 to v2",
                        "(rehearsal)",
                        "kept in the journal",
                        "Dana Operator",
                        "Rehearsal against the sandbox",
                        "planned 30m 0s");
        assertThat(html.selectFirst("#window").text()).doesNotContain("not closed");
        assertThat(html.select("table.metrics tbody tr"))
                .as("one row per signal, not per minute")
                .isNotEmpty()
                .hasSizeLessThan(history.stream()
                        .filter(r -> r.event() instanceof SessionEvent.MetricsMinute)
                        .toList()
                        .size());
        assertNoPlaceholder(html);
    }

    private static void assertNoPlaceholder(Document html) {
        Document copy = html.clone();
        copy.select("code, pre").remove(); // commands and output are the systems' own text
        assertThat(copy.body().text())
                .doesNotContainPattern("(^|\\s)\\?(\\s|$)")
                .doesNotContain("null");
        for (Element cell : copy.select("td")) {
            assertThat(cell.text())
                    .as("a cell of %s", cell.parent().outerHtml())
                    .isNotEqualTo("?");
        }
    }

    private static String cell(Element row, String name) {
        return row.selectFirst("td." + name).text();
    }

    private static Document exportAndParse(String home, Path journal) throws Exception {
        CliRun verify = flightdeck(home, "journal", "verify", journal.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        Path out = dir.resolve(journal.getFileName() + "-export");
        CliRun html = flightdeck(
                home,
                "journal",
                "export",
                journal.toString(),
                "--format",
                "html",
                "--out",
                out.resolve("html").toString());
        assertThat(html.exitCode()).as(html.out() + html.err()).isZero();
        CliRun pack = flightdeck(
                home,
                "journal",
                "export",
                journal.toString(),
                "--format",
                "jsonl",
                "--out",
                out.resolve("jsonl").toString());
        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
        CliRun packVerify =
                flightdeck(home, "journal", "verify", out.resolve("jsonl").toString());
        assertThat(packVerify.exitCode())
                .as(packVerify.out() + packVerify.err())
                .isZero();
        long records = 0;
        for (String line : Files.readAllLines(out.resolve("jsonl/events.jsonl"))) {
            JsonNode node = JournalJson.MAPPER.readTree(line);
            if (node.path("kind").asText().equals("record")) {
                records++;
                assertThat(node.path("type").asText()).isNotBlank();
            }
        }
        assertThat(JournalJson.MAPPER
                        .readTree(out.resolve("jsonl/manifest.json").toFile())
                        .path("records")
                        .asLong())
                .isEqualTo(records);
        return Jsoup.parse(out.resolve("html/journal-report.html").toFile(), "UTF-8");
    }

    private static String show(String home, Path journal) {
        CliRun show = flightdeck(home, "journal", "show", journal.toString());
        assertThat(show.exitCode()).as(show.out() + show.err()).isZero();
        String summaryAndSteps = show.out().substring(0, show.out().indexOf("== Timeline"));
        assertThat(summaryAndSteps).doesNotContainPattern("(^|\\s)\\?(\\s|$)");
        Runbook runbook =
                BuiltinRunbooks.load(Sandbox.RUNBOOK_ID).orElseThrow().value().orElseThrow();
        runbook.steps()
                .forEach(step -> assertThat(summaryAndSteps)
                        .containsPattern("\\n  " + Pattern.quote(runbook.numberOf(step.id()))
                                + " +(succeeded|failed|not run|approved, unverified) "));
        return show.out();
    }

    private static CliRun flightdeck(String home, String... args) {
        return CliRun.runWith(dir.resolve(home), Map.of("FLIGHTDECK_PASSPHRASE", PASSPHRASE), args);
    }
}
