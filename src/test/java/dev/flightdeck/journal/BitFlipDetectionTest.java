package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.format.Frames;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.format.TornTail;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitFlipDetectionTest {

    @TempDir
    Path directory;

    private List<SegmentBytes> segments;
    private ScannedJournal intact;

    /** Two segments (a reopening in between), checkpoints inside, closed: every kind of byte is present. */
    @BeforeEach
    void writeJournal() {
        OperatorKey key = JournalFixture.newOperatorKey();
        JournalFixture.writeSession(directory, key, 40, 15);
        try (JournalWriter writer = Journal.resume(
                        directory, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                .writer()) {
            for (int i = 0; i < 22; i++) {
                writer.append(
                        "step.output",
                        "dana",
                        JournalJson.object().put("step", "s" + i).put("text", "line " + i));
            }
            writer.checkpoint("rollback started");
            writer.closeSession("session close");
        }
        segments = JournalFixture.segments(directory);
        intact = JournalScanner.scan(segments);
    }

    @Test
    void everyFlippedBitIsDetectedAndTheDamagedRecordNamed() {
        int flipped = 0;
        int detected = 0;
        int namedCorrectly = 0;
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            for (int segment = 0; segment < segments.size(); segment++) {
                byte[] bytes = segments.get(segment).bytes();
                for (int bit = 0; bit < bytes.length * 8; bit++) {
                    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                    Set<String> named = namedLocations(keys);
                    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                    flipped++;
                    detected += named.isEmpty() ? 0 : 1;
                    namedCorrectly += named.contains(expectedLocation(segment, bit / 8)) ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "bit flips: %d bits flipped (every bit of a %d-record, %d-segment journal), %d detected (%.2f %%), "
                        + "damaged record or header named in %d%n",
                flipped, intact.frameCount(), segments.size(), detected, 100.0 * detected / flipped, namedCorrectly);
        assertThat(flipped).isGreaterThanOrEqualTo(100_000);
        assertThat(detected).isEqualTo(flipped);
        assertThat(namedCorrectly).isEqualTo(flipped);
    }

    @Test
    void aForgerWhoAlsoFixesTheChecksumIsCaughtByEncryptionAndSignatures() {
        Random random = new Random(7);
        int samples = 400;
        int caughtWithPassphrase = 0;
        int caughtWithPublicKeyOnly = 0;
        List<ScannedFrame> frames = intact.frames();
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            for (int sample = 0; sample < samples; sample++) {
                ScannedFrame frame = frames.get(random.nextInt(frames.size()));
                List<SegmentBytes> forged = forge(frame, random.nextInt(frame.body().length * 8));
                caughtWithPassphrase +=
                        isCaught(JournalVerifier.verify("forged", forged, Optional.empty(), Optional.of(keys))) ? 1 : 0;
                caughtWithPublicKeyOnly +=
                        isCaught(JournalVerifier.verify("forged", forged, Optional.empty(), Optional.empty())) ? 1 : 0;
            }
        }
        System.out.printf(
                "forged bit flips with recomputed CRC: %d samples, caught with the passphrase %d, "
                        + "with the public key only %d (every record is covered by a later checkpoint)%n",
                samples, caughtWithPassphrase, caughtWithPublicKeyOnly);
        assertThat(caughtWithPassphrase).isEqualTo(samples);
        assertThat(caughtWithPublicKeyOnly).isEqualTo(samples);
    }

    private static boolean isCaught(VerificationReport report) {
        return !report.isIntact();
    }

    private List<SegmentBytes> forge(ScannedFrame frame, int bit) {
        byte[] body = frame.body().clone();
        body[bit / 8] ^= (byte) (1 << (bit % 8));
        ByteBuffer reencoded = Frames.encode(frame.type(), frame.sequence(), body);
        List<SegmentBytes> forged = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            byte[] bytes = segments.get(i).bytes().clone();
            if (i == frame.segmentIndex()) {
                reencoded.get(bytes, (int) frame.offset(), reencoded.remaining());
            }
            forged.add(new SegmentBytes(segments.get(i).name(), bytes));
        }
        return forged;
    }

    /**
     * Where the journal reports damage: the structural scan first (checksums catch nearly every flip), the full
     * decrypting verification when the structure is intact. The same order {@code journal verify} uses.
     */
    private Set<String> namedLocations(KeyRing keys) {
        ScannedJournal scan = JournalScanner.scan(segments);
        Set<String> named = new HashSet<>();
        scan.problem().ifPresent(problem -> named.add(location(problem)));
        for (TornTail tear : scan.tornTails()) {
            if (!tear.acknowledged()) {
                named.add(tear.segment() + "@" + tear.offset());
            }
        }
        if (named.isEmpty() && scan.tornTails().stream().noneMatch(tear -> !tear.acknowledged())) {
            VerificationReport report =
                    JournalVerifier.verify("flipped", segments, Optional.empty(), Optional.of(keys));
            report.problem().ifPresent(problem -> named.add(location(problem)));
            report.tornTails().forEach(tear -> named.add(tear.segment() + "@" + tear.offset()));
        }
        return named;
    }

    private static String location(JournalProblem problem) {
        return problem.segment() + "@" + problem.offset();
    }

    /** The header (offset 0) or the start of the frame that holds the byte. */
    private String expectedLocation(int segment, int byteOffset) {
        String name = segments.get(segment).name();
        int headerLength = SegmentHeader.read(segments.get(segment).bytes()).length();
        long frameStart = 0;
        if (byteOffset >= headerLength) {
            for (ScannedFrame frame : intact.segments().get(segment).frames()) {
                if (frame.offset() <= byteOffset) {
                    frameStart = frame.offset();
                }
            }
        }
        return name + "@" + frameStart;
    }
}
