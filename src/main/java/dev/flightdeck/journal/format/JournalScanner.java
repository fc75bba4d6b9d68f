package dev.flightdeck.journal.format;

import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.Frames.RawFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Structural check of a journal without any key: headers, frame checksums, sequence order, segment continuity and
 * the hash chain. Keeps the longest valid prefix; an interrupted write is accepted only at the very end, or where
 * the next segment's header records it; anything else is the first problem and scanning stops there.
 */
public final class JournalScanner {

    /** How far ahead of the expected sequence a later intact frame may be when telling damage from a tear. */
    private static final long RESYNC_WINDOW = 1 << 20;

    private final List<ScannedSegment> segments = new ArrayList<>();
    private final List<TornTail> tears = new ArrayList<>();
    private JournalProblem problem;
    private long expectedSequence = 1;
    private byte[] chain = ChainHash.genesis();
    private long previousValidLength = SegmentHeader.NO_PREVIOUS_SEGMENT;
    private SegmentHeader first;
    private int formatVersion = SegmentHeader.VERSION_UNCOMMITTED;

    private JournalScanner() {}

    public static ScannedJournal scan(List<SegmentBytes> files) {
        JournalScanner scanner = new JournalScanner();
        for (int index = 0; index < files.size() && scanner.problem == null; index++) {
            scanner.scanSegment(index, files.get(index));
        }
        return new ScannedJournal(
                List.copyOf(scanner.segments),
                List.copyOf(scanner.tears),
                Optional.ofNullable(scanner.problem),
                scanner.expectedSequence - 1,
                scanner.chain);
    }

    private void scanSegment(int index, SegmentBytes file) {
        SegmentHeader.HeaderRead read = SegmentHeader.read(file.bytes());
        if (!read.isValid()) {
            // a crash while the segment was being created; the next segment's header must then record 0 valid bytes
            if (read.incomplete()) {
                tears.add(new TornTail(file.name(), 0, expectedSequence - 1, file.bytes().length, true, false));
                segments.add(new ScannedSegment(file.name(), null, null, List.of(), 0, file.bytes().length));
                previousValidLength = 0;
            } else {
                problem = new JournalProblem(file.name(), 0, -1, read.failure());
            }
            return;
        }
        SegmentHeader header = read.header();
        String discontinuity = continuityProblem(index, header);
        if (discontinuity != null) {
            problem = new JournalProblem(file.name(), 0, -1, discontinuity);
            return;
        }
        acknowledgeEarlierTears();
        byte[] headerHash = Sha256.of(Arrays.copyOf(file.bytes(), read.length()));
        chain = ChainHash.segmentStart(headerHash);
        List<ScannedFrame> frames = new ArrayList<>();
        long validLength = scanFrames(index, header.formatVersion(), file, read.length(), frames);
        segments.add(new ScannedSegment(
                file.name(), header, headerHash, List.copyOf(frames), validLength, file.bytes().length));
        previousValidLength = validLength;
    }

    /** Why this header does not continue the segments before it, or null when it does. */
    private String continuityProblem(int index, SegmentHeader header) {
        if (first == null) {
            first = header;
        }
        if (!header.sessionId().equals(first.sessionId())) {
            return "belongs to session " + header.sessionId() + ", not " + first.sessionId()
                    + " (segments of two sessions mixed)";
        }
        if (!Arrays.equals(header.signingPublicKey(), first.signingPublicKey())) {
            return "names a different signing key than the first segment";
        }
        if (header.formatVersion() < formatVersion) {
            return "is written in format " + header.formatVersion() + " after a segment in format " + formatVersion
                    + " (a format is never downgraded: content would no longer be committed)";
        }
        formatVersion = header.formatVersion();
        if (header.segmentIndex() != index + 1) {
            return "is segment number " + header.segmentIndex() + " but stands at position " + (index + 1)
                    + " (a segment is missing or moved)";
        }
        if (header.firstSequence() != expectedSequence) {
            return "starts at record " + header.firstSequence() + " but record " + expectedSequence + " comes next";
        }
        if (!Arrays.equals(header.previousChainHead(), chain)) {
            return "does not continue the hash chain of the segment before it";
        }
        if (header.previousValidLength() != previousValidLength) {
            return "records " + header.previousValidLength() + " valid bytes in the previous segment, found "
                    + previousValidLength;
        }
        return null;
    }

    /**
     * A complete header that continues the chain was written by a reopening that read every earlier tear (and
     * journaled a recovery event for each); the chain head it carries rules out that any valid record was removed.
     * Tears separated from it only by torn segment headers are therefore recorded too.
     */
    private void acknowledgeEarlierTears() {
        tears.replaceAll(tear -> tear.acknowledged() ? tear : tear.acknowledge());
    }

    /** Walks the frames; returns the offset where the valid bytes end. */
    private long scanFrames(int index, int version, SegmentBytes file, int start, List<ScannedFrame> frames) {
        byte[] bytes = file.bytes();
        int offset = start;
        while (offset < bytes.length) {
            RawFrame frame = Frames.readOrNull(bytes, offset, expectedSequence, expectedSequence);
            if (frame == null) {
                classifyBadFrame(file, offset);
                return offset;
            }
            EntryBody.ChainInput input = EntryBody.chainInputOrNull(version, frame.type(), frame.body());
            if (input == null) {
                problem = new JournalProblem(
                        file.name(),
                        offset,
                        frame.sequence(),
                        "record " + frame.sequence() + " is too short to hold its content commitment (altered)");
                return offset;
            }
            byte[] bodyDigest = input.digest();
            byte[] after = ChainHash.next(chain, frame.type(), frame.sequence(), bodyDigest, input.commitment());
            frames.add(new ScannedFrame(
                    index,
                    frame.type(),
                    frame.sequence(),
                    offset,
                    frame.body(),
                    bodyDigest,
                    input.commitment(),
                    chain,
                    after));
            chain = after;
            expectedSequence++;
            offset += frame.length();
        }
        return offset;
    }

    /** A frame that does not read: out of order, damaged, or the torn end of an interrupted write. */
    private void classifyBadFrame(SegmentBytes file, int offset) {
        RawFrame misplaced = Frames.readOrNull(file.bytes(), offset, 1, Long.MAX_VALUE);
        if (misplaced != null) {
            problem = new JournalProblem(
                    file.name(),
                    offset,
                    misplaced.sequence(),
                    "record " + misplaced.sequence() + " stands where record " + expectedSequence
                            + " belongs (a record was deleted, duplicated or moved)");
        } else if (intactFrameFollows(file.bytes(), offset + 1)) {
            problem = new JournalProblem(
                    file.name(),
                    offset,
                    expectedSequence,
                    "record " + expectedSequence
                            + " is damaged (its checksum does not match) and intact records follow it");
        } else {
            tears.add(new TornTail(
                    file.name(), offset, expectedSequence - 1, file.bytes().length - offset, false, false));
        }
    }

    private boolean intactFrameFollows(byte[] bytes, int from) {
        for (int offset = from; offset <= bytes.length - Frames.OVERHEAD; offset++) {
            if (Frames.readOrNull(bytes, offset, expectedSequence, expectedSequence + RESYNC_WINDOW) != null) {
                return true;
            }
        }
        return false;
    }
}
