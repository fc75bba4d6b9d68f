package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.Frames;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 2 commits every record's plaintext in the chain; format-1 journals (written before) still read, verify and
 * export, labelled "content not committed", and continue in format 2 when resumed; a segment never goes back to 1.
 */
class ContentCommitmentTest {

    private static final Path FORMAT_1 = Path.of("src/test/resources/journal-format-1");

    @TempDir
    Path directory;

    private StringWriter out;
    private StringWriter err;

    @Test
    void everyRecordCarriesACommitmentThatItsDecryptedTextOpens() {
        OperatorKey key = JournalFixture.newOperatorKey();
        Path journal = directory.resolve("journal");
        JournalFixture.writeSession(journal, key, 40);
        Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
        List<ScannedFrame> entries = replay.scan().frames().stream()
                .filter(frame -> frame.type() == FrameType.ENTRY)
                .toList();
        assertThat(entries)
                .hasSize(36)
                .allSatisfy(frame -> assertThat(frame.commitment()).hasSize(32));
        assertThat(replay.openings()).hasSize(36);
        for (int index = 0; index < entries.size(); index++) {
            RecordOpening opening = replay.openings().get(index);
            assertThat(opening.sequence()).isEqualTo(entries.get(index).sequence());
            assertThat(opening.commitment()).isEqualTo(entries.get(index).commitment());
        }
        assertThat(replay.openings().stream()
                        .map(opening -> ByteBuffer.wrap(opening.salt()))
                        .distinct())
                .as("a fresh salt per record")
                .hasSize(36);
    }

    @Test
    void aChangedCommitmentIsCaughtByTheNextCheckpointWithoutAndByTheRecordWithThePassphrase() throws Exception {
        OperatorKey key = JournalFixture.newOperatorKey();
        Path journal = directory.resolve("journal");
        JournalFixture.writeSession(journal, key, 40);
        Path segment = journal.resolve("segment-000001.fdj");
        byte[] bytes = Files.readAllBytes(segment);
        ScannedFrame target =
                JournalScanner.scan(JournalFixture.segments(journal)).frames().get(12);
        byte[] body = target.body().clone();
        body[5] ^= 0x01; // one bit of the commitment; the frame's CRC is recomputed so that only the chain can tell
        ByteBuffer frame = Frames.encode(FrameType.ENTRY, target.sequence(), body);
        frame.get(bytes, (int) target.offset(), frame.remaining());
        Files.write(segment, bytes);

        VerificationReport withoutPassphrase = JournalVerifier.verify(journal, Optional.empty(), Optional.empty());
        assertThat(withoutPassphrase.problem().orElseThrow().what())
                .isEqualTo(
                        "checkpoint 20 does not match the records before it (they were changed, removed or reordered)");
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            VerificationReport withPassphrase = JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys));
            assertThat(withPassphrase.problem().orElseThrow().what())
                    .isEqualTo("record 13 does not match its content commitment (altered)");
            System.out.println("commitment bit flipped: without the passphrase "
                    + withoutPassphrase.problem().get().describe() + "; with it "
                    + withPassphrase.problem().get().describe());
        }
    }

    @Test
    void aFormatOneJournalVerifiesLabelledAsNotCommittedAndExportsAndShows() throws Exception {
        Path journal = copyOfFormatOne();
        assertThat(run(context(), "journal", "verify", journal.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        assertThat(out.toString())
                .contains("verdict:      INTACT (format 1 records: content not committed)")
                .contains("commitments:  15 record(s) in format 1: content NOT committed");
        assertThat(run(context(), "journal", "show", journal.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("compliance-approval approved by Lee Okafor (COMPLIANCE)");

        Path pack = directory.resolve("pack");
        assertThat(run(
                        context(),
                        "journal",
                        "export",
                        journal.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        pack.toString()))
                .as(err.toString())
                .isEqualTo(Cli.OK);
        assertThat(run(context(), "journal", "verify", pack.toString()))
                .as(out.toString())
                .isEqualTo(Cli.OK);
        assertThat(out.toString())
                .contains("verdict:      INTACT (format 1 records: content not committed)")
                .contains("the text of 15 format-1 record(s) is bound only by the manifest signature");
        assertThat(run(context(), "journal", "show", pack.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("compliance-approval approved by Lee Okafor (COMPLIANCE)");
    }

    @Test
    void aResumedFormatOneJournalContinuesInFormatTwoAndNeverGoesBack() throws Exception {
        Path journal = copyOfFormatOne();
        OperatorKey key = new OperatorKeyStore(FORMAT_1.resolve("keys")).load(JournalFixture.PASSPHRASE);
        for (int reopening = 0; reopening < 2; reopening++) {
            Journal.Resumed resumed =
                    Journal.resume(journal, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions());
            try (JournalWriter writer = resumed.writer()) {
                writer.append("custom.note", "dana", JournalJson.object().put("text", "after the upgrade"));
                writer.closeSession("session close");
            }
        }
        ScannedJournal scan = JournalScanner.scan(JournalFixture.segments(journal));
        assertThat(scan.segments().stream().map(segment -> segment.header().formatVersion()))
                .containsExactly(1, 2, 2);
        assertThat(run(context(), "journal", "verify", journal.toString(), "--decrypt"))
                .isEqualTo(Cli.OK);
        assertThat(out.toString())
                .contains("verdict:      INTACT (format 1 records: content not committed)")
                .contains(
                        "commitments:  2 record(s) committed in the chain (salted SHA-256 of the plaintext), 2 checked"
                                + " against their text; 15 record(s) in format 1: content NOT committed");

        // a third segment relabelled as format 1 (its header checksum recomputed) is a downgrade, refused
        Path third = journal.resolve("segment-000003.fdj");
        byte[] bytes = Files.readAllBytes(third);
        bytes[9] = 1;
        int headerLength = 14 + ByteBuffer.wrap(bytes).getInt(10) + 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, headerLength - 4);
        ByteBuffer.wrap(bytes).putInt(headerLength - 4, (int) crc.getValue());
        Files.write(third, bytes);
        assertThat(SegmentHeader.read(bytes).isValid()).isTrue();
        assertThat(run(context(), "journal", "verify", journal.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains("segment-000003.fdj at byte 0: is written in format 1 after a segment in format 2"
                        + " (a format is never downgraded: content would no longer be committed)");
    }

    private Path copyOfFormatOne() throws Exception {
        Path journal = directory.resolve("format-1");
        Files.createDirectories(journal);
        try (Stream<Path> files = Files.list(FORMAT_1.resolve("session"))) {
            for (Path file : files.toList()) {
                Files.copy(file, journal.resolve(file.getFileName()));
            }
        }
        return journal;
    }

    private AppContext context() throws Exception {
        FlightdeckHome home = new FlightdeckHome(directory.resolve("home"));
        if (!Files.exists(home.keys().resolve("operator-ed25519.key"))) {
            Files.createDirectories(home.keys());
            for (String name : List.of("operator-ed25519.key", "operator-ed25519.pub")) {
                Files.copy(FORMAT_1.resolve("keys").resolve(name), home.keys().resolve(name));
            }
        }
        return new AppContext(home, Map.of("FLIGHTDECK_PASSPHRASE", new String(JournalFixture.PASSPHRASE)));
    }

    private int run(AppContext context, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.commandLine(context, new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }
}
