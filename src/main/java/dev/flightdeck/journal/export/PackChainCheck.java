package dev.flightdeck.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.Checkpoint;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.CheckpointCheck;
import dev.flightdeck.journal.format.EntryBody;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.verify.CheckpointSummary;
import dev.flightdeck.journal.verify.ContentBinding;
import dev.flightdeck.journal.verify.WithheldSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes the journal's hash chain from an evidence pack's lines, checks every checkpoint signature, and every
 * revealed record's text against the commitment the chain holds for it. Collects the records as entries on the way
 * (withheld ones as {@code withheld} entries), for {@code journal show} of a pack.
 */
final class PackChainCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final PublicKey key;
    private final List<CheckpointSummary> checkpoints = new ArrayList<>();
    private final List<Checkpoint> signed = new ArrayList<>();
    private final List<JournalEntry> entries = new ArrayList<>();
    private byte[] chain = ChainHash.genesis();
    private long expectedSequence = 1;
    private long lastCheckpoint;
    private int segments;
    private int formatVersion = SegmentHeader.VERSION_UNCOMMITTED;
    private UUID session;
    private long committed;
    private long uncommitted;
    private long opened;
    private WithheldSummary withheld = WithheldSummary.NONE;

    PackChainCheck(PublicKey key) {
        this.key = key;
    }

    /** @param lines the events file's lines, each without its newline (the file's bytes are UTF-8, one {@code \n} per line) */
    Optional<JournalProblem> check(List<String> lines) throws IOException {
        long offset = 0;
        for (int number = 1; number <= lines.size(); number++) {
            String text = lines.get(number - 1);
            JsonNode line = JournalJson.MAPPER.readTree(text);
            String what;
            try {
                what = "segment".equals(line.path("kind").asText()) ? segment(line) : record(line);
            } catch (IllegalArgumentException malformed) {
                what = "record " + line.path("sequence").asLong(-1) + " has a malformed field ("
                        + malformed.getMessage() + ")";
            }
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
        if (header.formatVersion() < formatVersion) {
            return "segment " + header.segmentIndex() + " is in format " + header.formatVersion()
                    + " after a segment in format " + formatVersion + " (a format is never downgraded)";
        }
        formatVersion = header.formatVersion();
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
        boolean committedEntry = type == FrameType.ENTRY && formatVersion >= SegmentHeader.VERSION;
        byte[] commitment = null;
        byte[] digest;
        if (committedEntry) {
            if (!line.hasNonNull("commitment") || !line.hasNonNull("sealedSha256")) {
                return "record " + sequence + " lacks its commitment (its segment is in format " + SegmentHeader.VERSION
                        + ")";
            }
            commitment = hex(line, "commitment", EntryBody.COMMITMENT_BYTES);
            digest = hex(line, "sealedSha256", 32);
        } else {
            digest = hex(line, "bodySha256", 32);
        }
        byte[] before = chain;
        chain = ChainHash.next(chain, type, sequence, digest, commitment);
        if (!Sha256.hex(chain).equals(line.path("chain").asText())) {
            return "record " + sequence + " does not continue the hash chain";
        }
        expectedSequence++;
        if (type == FrameType.CHECKPOINT) {
            return checkpoint(line, sequence, digest, before);
        }
        if (committedEntry) {
            committed++;
        } else {
            uncommitted++;
        }
        return line.has("withheld") ? withheld(line, sequence) : revealed(line, sequence, commitment);
    }

    private String revealed(JsonNode line, long sequence, byte[] commitment) {
        if (!line.hasNonNull("plaintext")) {
            return revealedFromOldPack(line, sequence);
        }
        byte[] plaintext = line.path("plaintext").asText().getBytes(StandardCharsets.UTF_8);
        if (commitment != null) {
            if (!line.hasNonNull("salt")) {
                return "record " + sequence + " reveals its text without its salt";
            }
            byte[] salt = hex(line, "salt", EntryBody.SALT_BYTES);
            if (!Arrays.equals(EntryBody.commitment(salt, plaintext), commitment)) {
                return "record " + sequence
                        + "'s text does not match its commitment in the chain (the text was altered)";
            }
            opened++;
        }
        JournalEntry entry = JournalJson.decodeOrNull(sequence, plaintext);
        if (entry == null) {
            return "record " + sequence + "'s plaintext is not a journal entry (time, type, actor, payload)";
        }
        if (line.has("type") && !line.path("type").asText().equals(entry.type())) {
            return "record " + sequence + "'s type " + line.path("type").asText() + " is not the type in its text ("
                    + entry.type() + ")";
        }
        entries.add(entry);
        return null;
    }

    /** Packs before v3 carried the decrypted fields instead of the exact plaintext (format-1 records only). */
    private String revealedFromOldPack(JsonNode line, long sequence) {
        try {
            ObjectNode payload = line.get("payload") instanceof ObjectNode object ? object : JournalJson.object();
            entries.add(new JournalEntry(
                    sequence,
                    Instant.parse(line.path("time").asText()),
                    line.path("type").asText(),
                    line.path("actor").asText(),
                    payload));
            return null;
        } catch (DateTimeParseException e) {
            return "record " + sequence + " has neither its plaintext nor a readable time";
        }
    }

    private String withheld(JsonNode line, long sequence) {
        JsonNode about = line.path("withheld");
        String type = line.path("type").asText("");
        Instant time;
        try {
            time = Instant.parse(about.path("time").asText());
        } catch (DateTimeParseException e) {
            return "withheld record " + sequence + " does not say when it was written";
        }
        if (type.isEmpty()) {
            return "withheld record " + sequence + " does not say its type";
        }
        String step = about.hasNonNull("stepId") ? about.get("stepId").asText() : null;
        withheld = withheld.plus(type, step);
        entries.add(Withholding.placeholder(sequence, time, type, step));
        return null;
    }

    private String checkpoint(JsonNode line, long sequence, byte[] digest, byte[] before) {
        byte[] body = Base64.getDecoder().decode(line.path("checkpoint").asText());
        if (!Arrays.equals(Sha256.of(body), digest)) {
            return "checkpoint " + sequence + " does not match its digest";
        }
        String invalid = CheckpointCheck.problemOrNull(
                new ScannedFrame(0, FrameType.CHECKPOINT, sequence, 0, body, digest, null, before, chain),
                session,
                key);
        if (invalid != null) {
            return invalid;
        }
        CheckpointBody decoded = CheckpointBody.decodeOrNull(body);
        Checkpoint checkpoint = new Checkpoint(
                sequence,
                decoded.coveredSequence(),
                Instant.ofEpochMilli(decoded.timeMillis()),
                decoded.reason(),
                decoded.closesSession(),
                decoded.chainHash(),
                decoded.signature());
        signed.add(checkpoint);
        entries.add(checkpoint.asEntry());
        checkpoints.add(new CheckpointSummary(
                sequence,
                checkpoint.coveredSequence(),
                checkpoint.time(),
                checkpoint.reason(),
                checkpoint.closesSession(),
                checkpoint.shortHash()));
        lastCheckpoint = sequence;
        return null;
    }

    private static byte[] hex(JsonNode line, String field, int length) {
        byte[] bytes = HEX.parseHex(line.path(field).asText());
        if (bytes.length != length) {
            throw new IllegalArgumentException(field + " must be " + length + " bytes");
        }
        return bytes;
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

    List<Checkpoint> signedCheckpoints() {
        return List.copyOf(signed);
    }

    List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    UUID session() {
        return session;
    }

    ContentBinding content() {
        return new ContentBinding(committed, uncommitted, opened, withheld);
    }
}
