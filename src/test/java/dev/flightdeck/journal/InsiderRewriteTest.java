package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private AppContext context;
    private OperatorKey key;
    private Path journal;
    private String ticket;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writeJournalAndNoteTheTicketHash() {
        FlightdeckHome home = new FlightdeckHome(directory.resolve("home"));
        context = new AppContext(home, Map.of("FLIGHTDECK_PASSPHRASE", new String(JournalFixture.PASSPHRASE)));
        key = new OperatorKeyStore(home.keys())
                .loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        journal = directory.resolve("session");
        try (JournalWriter writer = Journal.create(
                journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            SessionEvents.writeTypicalSession(writer);
        }
        Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
        ticket = replay.checkpoints().get(replay.checkpoints().size() - 1).shortHash();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.commandLine(context, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
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
        assertThat(out.toString())
                .contains("verdict:      PROBLEM FOUND")
                .contains(
                        "first problem: --expect " + ticket + ": this short hash is not a checkpoint of this journal");
        System.out.println("insider, journal rewritten and re-signed: " + firstProblem());
    }

    @Test
    void aPackWhoseTextWasEditedAndManifestResignedFailsAtTheCommitment() throws Exception {
        Path pack = export(directory.resolve("pack"));
        List<String> lines = new ArrayList<>(Files.readAllLines(pack.resolve("events.jsonl")));
        int approval = lineOf(lines, "Lee Okafor\\\",\\\"role");
        lines.set(
                approval,
                lines.get(approval).replace("\\\"approver\\\":\\\"Lee Okafor", "\\\"approver\\\":\\\"Lee Okafer"));
        InsiderForgery.resignEvents(pack, lines, key);

        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains("'s text does not match its commitment in the chain (the text was altered)");
        System.out.println("insider, pack text edited, manifest re-signed: " + firstProblem());
    }

    @Test
    void aPackRechainedAndResignedVerifiesOnItsOwnButNotAgainstTheTicket() throws Exception {
        Path pack = export(directory.resolve("pack"));
        long sequence = sequenceOf(pack, "Lee Okafor\\\",\\\"role");
        InsiderForgery.rewritePack(pack, sequence, "\"approver\":\"Lee Okafor", "\"approver\":\"Lee Okafer", key);

        assertThat(run("journal", "verify", pack.toString()))
                .as("commitment, chain, checkpoints and manifest all redone: %s", out)
                .isEqualTo(Cli.OK);
        assertThat(run("journal", "show", pack.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("approved by Lee Okafer");

        assertThat(run("journal", "verify", pack.toString(), "--expect", ticket))
                .isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains(
                        "first problem: --expect " + ticket + ": this short hash is not a checkpoint of this journal");
        System.out.println("insider, pack re-chained and re-signed: " + firstProblem());
    }

    @Test
    void aWithheldRecordsCommitmentAndARevealedRecordsTextCannotBeAltered() throws Exception {
        Path pack = directory.resolve("redacted");
        assertThat(run(
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        pack.toString(),
                        "--withhold",
                        "step.output"))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        assertThat(run("journal", "verify", pack.toString(), "--expect", ticket))
                .as(out.toString())
                .isEqualTo(Cli.OK);
        List<String> original = Files.readAllLines(pack.resolve("events.jsonl"));

        List<String> lines = new ArrayList<>(original);
        int withheld = lineOf(lines, "\"withheld\":");
        ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(lines.get(withheld));
        String commitment = line.path("commitment").asText();
        line.put("commitment", (commitment.charAt(0) == '0' ? "1" : "0") + commitment.substring(1));
        lines.set(withheld, JournalJson.MAPPER.writeValueAsString(line));
        InsiderForgery.resignEvents(pack, lines, key);
        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains("record " + line.path("sequence").asLong() + " does not continue the hash chain");
        System.out.println("withheld record's commitment altered: " + firstProblem());

        lines = new ArrayList<>(original);
        int revealed = lineOf(lines, "vendor ticket 5521");
        lines.set(revealed, lines.get(revealed).replace("vendor ticket 5521", "vendor ticket 5522"));
        InsiderForgery.resignEvents(pack, lines, key);
        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString()).contains("'s text does not match its commitment in the chain");
        System.out.println("revealed record's text altered: " + firstProblem());
    }

    private Path export(Path pack) {
        assertThat(run("journal", "export", journal.toString(), "--format", "jsonl", "--out", pack.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        return pack;
    }

    private static int lineOf(List<String> lines, String fragment) {
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(fragment)) {
                return index;
            }
        }
        throw new AssertionError("no line holds " + fragment);
    }

    private static long sequenceOf(Path pack, String fragment) throws Exception {
        List<String> lines = Files.readAllLines(pack.resolve("events.jsonl"));
        return JournalJson.MAPPER
                .readTree(lines.get(lineOf(lines, fragment)))
                .path("sequence")
                .asLong();
    }

    private String firstProblem() {
        return out.toString()
                .lines()
                .filter(line -> line.startsWith("first problem:"))
                .findFirst()
                .orElse("(none)");
    }
}
