package dev.flightdeck.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.CheckpointCheck;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.verify.CheckpointSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recomputes the journal's hash chain from an evidence pack's lines and checks every checkpoint signature. */
final class PackChainCheck {

    private final PublicKey key;
    private final List<CheckpointSummary> checkpoints = new ArrayList<>();
    private byte[] chain = ChainHash.genesis();
    private long expectedSequence = 1;
    private long lastCheckpoint;
    private int segments;
    private UUID session;

    PackChainCheck(PublicKey key) {
        this.key = key;
    }

    /** @param lines the events file's lines, each without its newline (the file's bytes are UTF-8, one {@code \n} per line) */
    Optional<JournalProblem> check(List<String> lines) throws IOException {
        long offset = 0;
        for (int number = 1; number <= lines.size(); number++) {
            String text = lines.get(number - 1);
            JsonNode line = JournalJson.MAPPER.readTree(text);
            String what = "segment".equals(line.path("kind").asText()) ? segment(line) : record(line);
            if (what != null) {
                return Optional.of(new JournalProblem(
                        EvidencePack.EVENTS + " line " + number,
                        offset,
                        line.path("sequence").asLong(-1),
                        what));
            }
            offset += text.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return Optional.empty();
    }

    /** The chain hash after the last record checked (hex). */
    String chainHead() {
        return Sha256.hex(chain);
    }

    private String segment(JsonNode line) {
        SegmentHeader.HeaderRead read = SegmentHeader.read(
                Base64.getDecoder().decode(line.path("header").asText()));
        if (!read.isValid()) {
            return "segment header: " + read.failure();
        }
        SegmentHeader header = read.header();
        session = session == null ? header.sessionId() : session;
        segments++;
        if (!header.sessionId().equals(session)
                || header.firstSequence() != expectedSequence
                || !Arrays.equals(header.previousChainHead(), chain)
                || !Arrays.equals(header.signingPublicKey(), key.getEncoded())) {
            return "segment " + header.segmentIndex()
                    + " does not continue the session, the chain or the signing key before it";
        }
        chain = ChainHash.segmentStart(Sha256.of(header.encode()));
        return null;
    }

    private String record(JsonNode line) {
        long sequence = line.path("sequence").asLong();
        if (session == null || sequence != expectedSequence) {
            return "record " + sequence + " where record " + expectedSequence
                    + " belongs (deleted, duplicated or moved)";
        }
        FrameType type = "checkpoint".equals(line.path("frame").asText()) ? FrameType.CHECKPOINT : FrameType.ENTRY;
        byte[] digest = HexFormat.of().parseHex(line.path("bodySha256").asText());
        byte[] before = chain;
        chain = ChainHash.next(chain, type, sequence, digest);
        if (!Sha256.hex(chain).equals(line.path("chain").asText())) {
            return "record " + sequence + " does not continue the hash chain";
        }
        expectedSequence++;
        return type == FrameType.CHECKPOINT ? checkpoint(line, sequence, digest, before) : null;
    }

    private String checkpoint(JsonNode line, long sequence, byte[] digest, byte[] before) {
        byte[] body = Base64.getDecoder().decode(line.path("checkpoint").asText());
        if (!Arrays.equals(Sha256.of(body), digest)) {
            return "checkpoint " + sequence + " does not match its digest";
        }
        String invalid = CheckpointCheck.problemOrNull(
                new ScannedFrame(0, FrameType.CHECKPOINT, sequence, 0, body, digest, before, chain), session, key);
        if (invalid != null) {
            return invalid;
        }
        CheckpointBody checkpoint = CheckpointBody.decodeOrNull(body);
        checkpoints.add(new CheckpointSummary(
                sequence,
                checkpoint.coveredSequence(),
                Instant.ofEpochMilli(checkpoint.timeMillis()),
                checkpoint.reason(),
                checkpoint.closesSession(),
                ChainHash.shortForm(checkpoint.chainHash())));
        lastCheckpoint = sequence;
        return null;
    }

    int segments() {
        return segments;
    }

    long records() {
        return expectedSequence - 1;
    }

    long recordsAfterLastCheckpoint() {
        return records() - lastCheckpoint;
    }

    List<CheckpointSummary> checkpoints() {
        return List.copyOf(checkpoints);
    }
}
