package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordTamperingTest {

    @TempDir
    Path directory;

    @Test
    void deletingSwappingOrDuplicatingAnyRecordIsDetected() {
        OperatorKey key = JournalFixture.newOperatorKey();
        JournalFixture.writeSession(directory, key, 60, 20);
        SegmentBytes segment = JournalFixture.segments(directory).get(0);
        List<ScannedFrame> frames = JournalScanner.scan(List.of(segment)).frames();
        int[] detected = new int[3];
        for (int i = 0; i < frames.size(); i++) {
            detected[0] += isDetected(segment, without(segment.bytes(), frames, i), key) ? 1 : 0;
            detected[2] += isDetected(segment, duplicated(segment.bytes(), frames, i), key) ? 1 : 0;
            if (i + 1 < frames.size()) {
                detected[1] += isDetected(segment, swapped(segment.bytes(), frames, i), key) ? 1 : 0;
            }
        }
        System.out.printf(
                "tampering: %d records; deletions detected %d/%d, swaps of neighbours %d/%d, duplications %d/%d%n",
                frames.size(), detected[0], frames.size(), detected[1], frames.size() - 1, detected[2], frames.size());
        assertThat(detected[0]).isEqualTo(frames.size());
        assertThat(detected[1]).isEqualTo(frames.size() - 1);
        assertThat(detected[2]).isEqualTo(frames.size());
    }

    @Test
    void splicingSegmentsOfTwoSessionsIsDetected() {
        OperatorKey key = JournalFixture.newOperatorKey();
        List<SegmentBytes> first = twoSegmentSession(directory.resolve("a"), key);
        List<SegmentBytes> second = twoSegmentSession(directory.resolve("b"), key);
        List<List<SegmentBytes>> splices = List.of(
                List.of(first.get(0), second.get(1)),
                List.of(second.get(0), first.get(1)),
                List.of(first.get(0), second.get(0)),
                List.of(first.get(0), first.get(1), second.get(1)),
                List.of(first.get(1)),
                List.of(first.get(0), second.get(0), first.get(1)));
        long detected = splices.stream()
                .filter(splice -> !verify(splice, key).isIntact())
                .count();
        System.out.printf(
                "splicing: %d splices of two sessions' segments (same operator key), %d detected; intact originals verify: %b, %b%n",
                splices.size(),
                detected,
                verify(first, key).isIntact(),
                verify(second, key).isIntact());
        assertThat(detected).isEqualTo(splices.size());
        assertThat(verify(first, key).isIntact()).isTrue();
    }

    private static List<SegmentBytes> twoSegmentSession(Path journal, OperatorKey key) {
        JournalFixture.writeSession(journal, key, 12, 5);
        try (JournalWriter writer = Journal.resume(
                        journal, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                .writer()) {
            writer.append("step.outcome", "dana", JournalFixture.outcome(99));
            writer.closeSession("session close");
        }
        return JournalFixture.segments(journal);
    }

    private static VerificationReport verify(List<SegmentBytes> segments, OperatorKey key) {
        return JournalVerifier.verify("spliced", segments, Optional.of(key.publicKey()), Optional.empty());
    }

    private static boolean isDetected(SegmentBytes original, byte[] tampered, OperatorKey key) {
        ScannedJournal scan = JournalScanner.scan(List.of(new SegmentBytes(original.name(), tampered)));
        if (scan.problem().isPresent() || scan.tornTails().stream().anyMatch(tear -> !tear.acknowledged())) {
            return true;
        }
        // deleting the last record is a cut at the end: the reviewer sees that the closing checkpoint is missing
        VerificationReport report = verify(List.of(new SegmentBytes(original.name(), tampered)), key);
        return !report.isIntact() || !report.isClosed();
    }

    private static byte[] without(byte[] bytes, List<ScannedFrame> frames, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, (int) frames.get(index).offset());
        long end = end(frames, index, bytes.length);
        out.write(bytes, (int) end, (int) (bytes.length - end));
        return out.toByteArray();
    }

    private static byte[] duplicated(byte[] bytes, List<ScannedFrame> frames, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long end = end(frames, index, bytes.length);
        out.write(bytes, 0, (int) end);
        out.write(bytes, (int) frames.get(index).offset(), (int)
                (end - frames.get(index).offset()));
        out.write(bytes, (int) end, (int) (bytes.length - end));
        return out.toByteArray();
    }

    private static byte[] swapped(byte[] bytes, List<ScannedFrame> frames, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = frames.get(index).offset();
        long middle = frames.get(index + 1).offset();
        long end = end(frames, index + 1, bytes.length);
        out.write(bytes, 0, (int) start);
        out.write(bytes, (int) middle, (int) (end - middle));
        out.write(bytes, (int) start, (int) (middle - start));
        out.write(bytes, (int) end, (int) (bytes.length - end));
        return out.toByteArray();
    }

    private static long end(List<ScannedFrame> frames, int index, long fileLength) {
        return index + 1 < frames.size() ? frames.get(index + 1).offset() : fileLength;
    }
}
