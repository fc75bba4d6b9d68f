package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandLineTest {

    @TempDir
    Path directory;

    private Path journal;
    private AppContext context;
    private OperatorKeyStore keys;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeJournal() {
        FlightdeckHome home = new FlightdeckHome(directory.resolve("home"));
        context = new AppContext(home, Map.of("FLIGHTDECK_PASSPHRASE", new String(JournalFixture.PASSPHRASE)));
        keys = new OperatorKeyStore(home.keys());
        OperatorKey key = keys.loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        journal = directory.resolve("session");
        try (JournalWriter writer = Journal.create(
                journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            SessionEvents.writeTypicalSession(writer);
        }
    }

    private int run(AppContext using, String... args) {
        return Cli.commandLine(using, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }

    @Test
    void verifyReportsAnIntactSealedJournalWithoutThePassphrase() {
        AppContext noPassphrase = new AppContext(context.home(), Map.of());
        int exit = run(
                noPassphrase,
                "journal",
                "verify",
                journal.toString(),
                "--public-key",
                keys.publicKeyFile().toString());
        assertThat(exit).as(err.toString()).isEqualTo(Cli.OK);
        assertThat(out.toString())
                .contains("verdict:      INTACT")
                .contains("records:      19 in 1 segment(s), 4 signed checkpoint(s)")
                .contains("sealed by the checkpoint that closed the session")
                .contains("checked against the given public key");
    }

    @Test
    void verifyNamesTheFirstProblemAndExitsWithOne() throws Exception {
        Path segment = journal.resolve("segment-000001.fdj");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(segment, bytes);
        assertThat(run(context, "journal", "verify", journal.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains("PROBLEM FOUND")
                .containsPattern("first problem: segment-000001.fdj at byte \\d+, record \\d+");
    }

    @Test
    void verifyOfAMissingPathIsAUsageError() {
        assertThat(run(
                        context,
                        "journal",
                        "verify",
                        directory.resolve("nothing").toString()))
                .isEqualTo(Cli.USAGE);
    }

    @Test
    void showPrintsTheTimelineWithEveryEventType() {
        assertThat(run(context, "journal", "show", journal.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        System.out.println(out);
        assertThat(out.toString())
                .contains("runbook:      Project-H system upgrade (project-h-upgrade)")
                .contains("compliance-approval approved by Lee Okafor (COMPLIANCE)")
                .contains("ALARM: error_rate > 1% for 5m (rollback)")
                .contains("app-backup: succeeded in 5.2 s")
                .contains("app-1: succeeded, exit 0; app-2: succeeded, exit 0")
                .contains("Signed checkpoint")
                .contains("custom.note")
                .contains("text: vendor ticket 5521 opened")
                .contains("outcome:      rolled back and verified")
                .contains("closed: the last record is the signed checkpoint that closed the session")
                .doesNotContain(" ? ");
    }

    @Test
    void showWithoutAnyPassphraseSourceIsAUsageError() {
        assertThat(run(new AppContext(context.home(), Map.of()), "journal", "show", journal.toString()))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--passphrase-file");
    }

    @Test
    void thePassphraseCanComeFromAFile() throws Exception {
        Path file = directory.resolve("passphrase.txt");
        Files.writeString(file, new String(JournalFixture.PASSPHRASE) + "\n");
        int exit = run(
                new AppContext(context.home(), Map.of()),
                "journal",
                "show",
                journal.toString(),
                "--passphrase-file",
                file.toString());
        assertThat(exit).as(err.toString()).isEqualTo(Cli.OK);
    }

    @Test
    void htmlExportIsOneSelfContainedReviewReport() throws Exception {
        Path report = directory.resolve("report");
        assertThat(run(
                        context,
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "html",
                        "--out",
                        report.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        String html = Files.readString(report.resolve("journal-report.html"));
        assertThat(html)
                .contains("Maintenance window review: Project-H system upgrade")
                .contains("INTACT")
                .contains("Lee Okafor")
                .contains("COMPLIANCE")
                .contains("tar -czf /var/backups/app.tar.gz /opt/project-h")
                .contains("patients row count")
                .contains("Rollback started")
                .doesNotContain("<script")
                .doesNotContain("src=\"http");
    }

    @Test
    void jsonlEvidencePackVerifiesOfflineAndRevealsTampering() throws Exception {
        Path pack = directory.resolve("pack");
        assertThat(run(context, "journal", "export", journal.toString(), "--format", "jsonl", "--out", pack.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        AppContext reviewer = new AppContext(new FlightdeckHome(directory.resolve("reviewer")), Map.of());
        assertThat(run(
                        reviewer,
                        "journal",
                        "verify",
                        pack.toString(),
                        "--public-key",
                        keys.publicKeyFile().toString()))
                .as(out.toString())
                .isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("INTACT").contains("4 signed checkpoint(s)");

        Path events = pack.resolve("events.jsonl");
        Files.writeString(events, Files.readString(events).replace("Lee Okafor", "Lee Okafor-Smith"));
        assertThat(run(reviewer, "journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString()).contains("does not match the digest in the signed manifest");
    }
}
