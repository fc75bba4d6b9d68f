package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.app.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal export --format jsonl --withhold ...}: the reviewer gets the proof without the withheld text. The
 * pack verifies end to end, says what it leaves out (manifest, {@code verify}, {@code show}), and a selector that
 * matches nothing writes nothing.
 */
class RedactedEvidencePackTest {

    @TempDir
    Path directory;

    private EvidencePackSetUp setUp;
    private Path journal;
    private String out;
    private String err;

    @BeforeEach
    void writeJournal() {
        setUp = EvidencePackSetUp.typicalSession(directory);
        journal = setUp.journal;
    }

    private int run(String... args) {
        CliRun run = setUp.cli(args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    @Test
    void aPackWithWithheldRecordsVerifiesAndSaysExactlyWhatItLeavesOut() throws Exception {
        Path pack = directory.resolve("pack");
        assertThat(run(
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        pack.toString(),
                        "--withhold",
                        "step.output",
                        "--withhold",
                        "step:canary-25"))
                .as(err)
                .isEqualTo(Cli.OK);
        assertThat(out)
                .contains("withheld 2 record(s): step.output ×1, step.skipped ×1; steps app-backup ×1, canary-25 ×1");

        String events = Files.readString(pack.resolve("events.jsonl"));
        assertThat(events)
                .as("the withheld output's text and salt are not in the pack")
                .doesNotContain("backup complete")
                .contains("vendor ticket 5521");
        JsonNode withheld = JournalJson.MAPPER
                .readTree(pack.resolve("manifest.json").toFile())
                .path("withheld");
        assertThat(withheld.path("records").asLong()).isEqualTo(2);
        assertThat(withheld.path("types").path("step.output").asLong()).isEqualTo(1);
        assertThat(withheld.path("steps").path("canary-25").asLong()).isEqualTo(1);
        assertThat(withheld.path("selectors").toString()).isEqualTo("[\"step.output\",\"step:canary-25\"]");
        long withheldLines =
                events.lines().filter(line -> line.contains("\"withheld\":{")).count();
        assertThat(withheldLines).isEqualTo(2);
        events.lines()
                .filter(line -> line.contains("\"withheld\":{"))
                .forEach(line -> assertThat(line).doesNotContain("\"salt\"").doesNotContain("\"plaintext\""));

        assertThat(run("journal", "verify", pack.toString())).as(out).isEqualTo(Cli.OK);
        assertThat(out)
                .contains("verdict:      INTACT")
                .contains(
                        "commitments:  15 record(s) committed in the chain (salted SHA-256 of the plaintext), 13 checked against their text")
                .contains(
                        "withheld:     2 record(s): step.output ×1, step.skipped ×1; steps app-backup ×1, canary-25 ×1"
                                + " (--withhold step.output, step:canary-25)");
        System.out.println("redacted pack verify:\n" + out);

        assertThat(run("journal", "verify", pack.toString(), "--json")).isEqualTo(Cli.OK);
        JsonNode json = JournalJson.MAPPER.readTree(out);
        assertThat(json.path("content").path("withheld").path("records").asLong())
                .isEqualTo(2);
        assertThat(json.path("content").path("openedCommitments").asLong()).isEqualTo(13);

        assertThat(run("journal", "show", pack.toString())).as(err).isEqualTo(Cli.OK);
        assertThat(out)
                .contains("Withheld from this evidence pack: step.output of step app-backup")
                .contains("Withheld from this evidence pack: step.skipped of step canary-25")
                .contains("result: withheld from this evidence pack (1 record(s): their commitments are in the chain")
                .contains("compliance-approval approved by Lee Okafor (COMPLIANCE)")
                .doesNotContain("backup complete");
    }

    @Test
    void theReviewerMakesTheReportFromThePackAloneWithWithheldRecordsShownAsWithheld() throws Exception {
        Path pack = setUp.export("pack", "step.output", "step:canary-25");
        // the reviewer's own machine: no journal, no passphrase, only the pack
        Path reviewer = directory.resolve("reviewer");
        CliRun export = CliRun.run(
                reviewer.resolve("home"),
                "journal",
                "export",
                pack.toString(),
                "--format",
                "html",
                "--out",
                reviewer.resolve("report").toString());
        assertThat(export.exitCode()).as(export.out() + export.err()).isEqualTo(Cli.OK);
        assertThat(export.out()).contains("from the evidence pack");
        Document html =
                Jsoup.parse(reviewer.resolve("report/journal-report.html").toFile(), "UTF-8");
        assertThat(html.text())
                .contains("Withheld from this evidence pack: step.output of step app-backup")
                .contains("Withheld from this evidence pack: step.skipped of step canary-25")
                .contains("INTACT")
                .doesNotContain("backup complete");
        assertThat(html.select("tr.step.withheld"))
                .extracting(row -> row.attr("data-step"))
                .isNotEmpty();
        assertThat(html.select("table.approvals td.approver").text()).isEqualTo("Lee Okafor");

        List<String> lines = new ArrayList<>(Files.readAllLines(pack.resolve("events.jsonl")));
        int note = EvidencePackSetUp.lineOf(lines, "vendor ticket 5521");
        lines.set(note, lines.get(note).replace("vendor ticket 5521", "vendor ticket 5522"));
        InsiderForgery.resignEvents(pack, lines, setUp.key);
        CliRun altered = CliRun.run(
                reviewer.resolve("home"),
                "journal",
                "export",
                pack.toString(),
                "--format",
                "html",
                "--out",
                reviewer.resolve("altered").toString());
        assertThat(altered.exitCode())
                .as("the report is written, and says the pack does not verify")
                .isEqualTo(Cli.PROBLEM);
        assertThat(Jsoup.parse(reviewer.resolve("altered/journal-report.html").toFile(), "UTF-8")
                        .text())
                .contains("PROBLEM FOUND");

        assertThat(run(
                        "journal",
                        "export",
                        pack.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        directory.resolve("again").toString()))
                .isEqualTo(Cli.USAGE);
        assertThat(err).contains("is an evidence pack: from a pack only --format html is made");
    }

    @Test
    void aSelectorThatMatchesNothingWritesNothing() {
        Path pack = directory.resolve("pack");
        assertThat(run(
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        pack.toString(),
                        "--withhold",
                        "step.ouput"))
                .isEqualTo(Cli.USAGE);
        assertThat(err)
                .contains("--withhold step.ouput matches no record of this journal (types: ")
                .contains("step.output")
                .contains("steps: app-backup, canary-25, compliance-approval, window-notice")
                .contains("nothing was written");
        assertThat(pack).doesNotExist();
    }

    @Test
    void checkpointsAndTheHtmlReportCannotBeWithheldAndAShortHashMustLookLikeOne() {
        Path pack = directory.resolve("pack");
        assertThat(run(
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        pack.toString(),
                        "--withhold",
                        "checkpoint"))
                .isEqualTo(Cli.USAGE);
        assertThat(err).contains("checkpoints are never withheld");
        assertThat(run(
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "html",
                        "--out",
                        pack.toString(),
                        "--withhold",
                        "step.output"))
                .isEqualTo(Cli.USAGE);
        assertThat(err).contains("--withhold applies to --format jsonl");
        assertThat(pack).doesNotExist();

        assertThat(run("journal", "verify", journal.toString(), "--expect", "3f2a-9c1b"))
                .isEqualTo(Cli.USAGE);
        assertThat(err).contains("a short hash is 16 hex digits, grouped by four");
    }

    @Test
    void expectAcceptsEveryCheckpointWrittenDownInEitherSpelling() {
        Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
        List<String> hashes =
                replay.checkpoints().stream().map(Checkpoint::shortHash).toList();
        assertThat(run(
                        "journal",
                        "verify",
                        journal.toString(),
                        "--expect",
                        hashes.get(0).toUpperCase(),
                        "--expect",
                        hashes.get(hashes.size() - 1).replace("-", "")))
                .as(out)
                .isEqualTo(Cli.OK);
    }
}
