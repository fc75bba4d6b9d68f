package dev.flightdeck.journal.format;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the structural scan found: every intact segment and frame with its chain hashes, tears, the first problem. */
public record ScannedJournal(
        List<ScannedSegment> segments,
        List<TornTail> tornTails,
        Optional<JournalProblem> problem,
        long lastSequence,
        byte[] lastChainHash) {

    public Optional<UUID> sessionId() {
        return segments.stream()
                .filter(segment -> segment.header() != null)
                .map(segment -> segment.header().sessionId())
                .findFirst();
    }

    public Optional<SegmentHeader> firstHeader() {
        return segments.stream()
                .map(ScannedSegment::header)
                .filter(header -> header != null)
                .findFirst();
    }

    public long frameCount() {
        return segments.stream().mapToLong(segment -> segment.frames().size()).sum();
    }

    public long totalBytes() {
        return segments.stream().mapToLong(ScannedSegment::fileLength).sum();
    }

    public List<ScannedFrame> frames() {
        return segments.stream().flatMap(segment -> segment.frames().stream()).toList();
    }

    /** One segment: its header (null when torn), its valid frames, and where its valid bytes end. */
    public record ScannedSegment(
            String name,
            SegmentHeader header,
            byte[] headerHash,
            List<ScannedFrame> frames,
            long validLength,
            long fileLength) {}

    /**
     * One intact frame with the chain value before and after it. {@code bodyDigest} is what the chain took: SHA-256
     * of the body, or for a committed entry of its sealed part; {@code commitment} is null unless the entry has one.
     */
    public record ScannedFrame(
            int segmentIndex,
            FrameType type,
            long sequence,
            long offset,
            byte[] body,
            byte[] bodyDigest,
            byte[] commitment,
            byte[] chainBefore,
            byte[] chainAfter) {}
}
