package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.journal.crypto.OperatorKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's insider: someone holding the operator's key and passphrase changes one character of one record (the
 * approver's name) and re-signs everything that can be re-signed. What is already written down elsewhere, the
 * short hash of the last checkpoint in the change ticket, no longer matches: {@code journal verify --expect} fails.
 */
class InsiderRewriteTest {

    @TempDir
    Path directory;

    private EvidencePackSetUp setUp;
    private OperatorKey key;
    private Path journal;
    private String ticket;
    private CliRun last;
    private String out;
    private String err;

    @BeforeEach
    void writeJournalAndNoteTheTicketHash() {
        setUp = EvidencePackSetUp.typicalSession(directory);
        key = setUp.key;
        journal = setUp.journal;
        ticket = setUp.ticket;
    }

    private int run(String... args) {
        last = setUp.cli(args);
        out = last.out();
        err = last.err();
        return last.exitCode();
    }

    @Test
    void aRewrittenJournalVerifiesOnItsOwnButNotAgainstTheTicket() {
        Path forged = directory.resolve("forged");
        InsiderForgery.rewriteJournal(
                journal,
                forged,
                key,
                entry -> entry.type().equals("approval")
                        ? new JournalEntry(
                                entry.sequence(),
                                entry.time(),
                                entry.type(),
                                entry.actor(),
                                entry.payload().deepCopy().put("approver", "Lee Okafer"))
                        : entry);
        assertThat(Journal.read(forged, JournalFixture.PASSPHRASE).entries())
                .anySatisfy(entry -> assertThat(entry.text("approver")).isEqualTo("Lee Okafer"));

        assertThat(run("journal", "verify", forged.toString(), "--decrypt"))
                .as("the forgery is consistent in itself: %s", out)
                .isEqualTo(Cli.OK);
        assertThat(run("journal", "verify", journal.toString(), "--expect", ticket))
                .as("the original still matches the ticket: %s", out)
                .isEqualTo(Cli.OK);

        assertThat(run("journal", "verify", forged.toString(), "--expect", ticket))
                .isEqualTo(Cli.PROBLEM);
        assertThat(out)
                .contains("verdict:      PROBLEM FOUND")
                .contains(
                        "first problem: --expect " + ticket + ": this short hash is not a checkpoint of this journal");
        System.out.println("insider, journal rewritten and re-signed: " + EvidencePackSetUp.firstProblem(last));
    }

    @Test
    void aPackWhoseTextWasEditedAndManifestResignedFailsAtTheCommitment() throws Exception {
        Path pack = setUp.export("pack");
        List<String> lines = new ArrayList<>(Files.readAllLines(pack.resolve("events.jsonl")));
        int approval = EvidencePackSetUp.lineOf(lines, "Lee Okafor\\\",\\\"role");
        lines.set(
                approval,
                lines.get(approval).replace("\\\"approver\\\":\\\"Lee Okafor", "\\\"approver\\\":\\\"Lee Okafer"));
        InsiderForgery.resignEvents(pack, lines, key);

        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out).contains("'s text does not match its commitment in the chain (the text was altered)");
        System.out.println("insider, pack text edited, manifest re-signed: " + EvidencePackSetUp.firstProblem(last));
    }

    @Test
    void aPackRechainedAndResignedVerifiesOnItsOwnButNotAgainstTheTicket() throws Exception {
        Path pack = setUp.export("pack");
        long sequence = EvidencePackSetUp.sequenceOf(pack, "Lee Okafor\\\",\\\"role");
        InsiderForgery.rewritePack(pack, sequence, "\"approver\":\"Lee Okafor", "\"approver\":\"Lee Okafer", key);

        assertThat(run("journal", "verify", pack.toString()))
                .as("commitment, chain, checkpoints and manifest all redone: %s", out)
                .isEqualTo(Cli.OK);
        assertThat(run("journal", "show", pack.toString())).isEqualTo(Cli.OK);
        assertThat(out).contains("approved by Lee Okafer");

        assertThat(run("journal", "verify", pack.toString(), "--expect", ticket))
                .isEqualTo(Cli.PROBLEM);
        assertThat(out)
                .contains(
                        "first problem: --expect " + ticket + ": this short hash is not a checkpoint of this journal");
        System.out.println("insider, pack re-chained and re-signed: " + EvidencePackSetUp.firstProblem(last));
    }

    @Test
    void aWithheldRecordsCommitmentAndARevealedRecordsTextCannotBeAltered() throws Exception {
        Path pack = setUp.export("redacted", "step.output");
        assertThat(run("journal", "verify", pack.toString(), "--expect", ticket))
                .as(out)
                .isEqualTo(Cli.OK);
        List<String> original = Files.readAllLines(pack.resolve("events.jsonl"));

        List<String> lines = new ArrayList<>(original);
        int withheld = EvidencePackSetUp.lineOf(lines, "\"withheld\":");
        ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(lines.get(withheld));
        String commitment = line.path("commitment").asText();
        line.put("commitment", (commitment.charAt(0) == '0' ? "1" : "0") + commitment.substring(1));
        lines.set(withheld, JournalJson.MAPPER.writeValueAsString(line));
        InsiderForgery.resignEvents(pack, lines, key);
        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out).contains("record " + line.path("sequence").asLong() + " does not continue the hash chain");
        System.out.println("withheld record's commitment altered: " + EvidencePackSetUp.firstProblem(last));

        lines = new ArrayList<>(original);
        int revealed = EvidencePackSetUp.lineOf(lines, "vendor ticket 5521");
        lines.set(revealed, lines.get(revealed).replace("vendor ticket 5521", "vendor ticket 5522"));
        InsiderForgery.resignEvents(pack, lines, key);
        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out).contains("'s text does not match its commitment in the chain");
        System.out.println("revealed record's text altered: " + EvidencePackSetUp.firstProblem(last));
    }
}
