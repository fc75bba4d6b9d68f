package dev.flightdeck.journal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.RecordOpening;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.storage.DurableWrites;
import dev.flightdeck.journal.verify.WithheldSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSONL evidence pack: {@code events.jsonl} (each segment header, then each record with the digests the chain
 * took and its chain hash; entries with their exact plaintext and salt, or only their commitment when withheld;
 * checkpoints with their signed bytes), {@code manifest.json} with the digest of the events file and what was
 * withheld, {@code manifest.sig} (Ed25519 by the operator) and {@code operator-ed25519.pub}. A reviewer checks it
 * offline with the public key: the text opens the commitments, the commitments are in the chain, the checkpoints
 * sign the chain, so the text is bound by the same short hashes the operator wrote in the change ticket.
 */
public final class EvidencePack {

    public static final String EVENTS = "events.jsonl";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "operator-ed25519.pub";
    /** v3: records carry their exact plaintext, salt and commitment, or are withheld; the manifest says which. */
    public static final String FORMAT = "flightdeck-evidence-v3";
    /** v2 added {@code chainHead}, {@code lastCheckpoint} and {@code closed}; v1 and v2 packs still verify. */
    public static final String FORMAT_V2 = "flightdeck-evidence-v2";

    public static final String FORMAT_V1 = "flightdeck-evidence-v1";

    private EvidencePack() {}

    public static void write(Replay replay, OperatorKey signingKey, Path outDirectory) throws IOException {
        write(replay, signingKey, Withholding.NOTHING, outDirectory);
    }

    /**
     * Writes the pack and returns what it left out. Throws {@link IllegalArgumentException} before writing anything
     * when a selector matches no record.
     */
    public static WithheldSummary write(
            Replay replay, OperatorKey signingKey, Withholding withholding, Path outDirectory) throws IOException {
        String unmatched = withholding.unmatchedOrNull(replay.entries());
        if (unmatched != null) {
            throw new IllegalArgumentException(unmatched);
        }
        Events events = events(replay, withholding);
        byte[] eventBytes = events.lines().getBytes(StandardCharsets.UTF_8);
        ObjectNode manifest = JournalJson.object()
                .put("format", FORMAT)
                .put("session", String.valueOf(replay.sessionId()))
                .put("records", replay.entries().size())
                .put("segments", replay.scan().segments().size())
                .put("events", EVENTS)
                .put("eventsSha256", Sha256.hex(Sha256.of(eventBytes)))
                .put("lastSequence", replay.lastSequence())
                .put("sealed", replay.isSealed())
                .put("closed", replay.isClosed())
                .put("chainHead", chainHead(replay))
                .put(
                        "lastCheckpoint",
                        replay.checkpoints().isEmpty()
                                ? null
                                : replay.checkpoints()
                                        .get(replay.checkpoints().size() - 1)
                                        .shortHash())
                .put("committedRecords", events.committed())
                .put("uncommittedRecords", events.uncommitted());
        manifest.set("withheld", withheldNode(events.withheld().withSelectors(withholding.selectors())));
        manifest.put("publicKeyFingerprint", PublicKeys.fingerprint(signingKey.publicKey()))
                .put("exportedAt", Instant.now().toString());
        byte[] manifestBytes =
                JournalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        DurableWrites.writeOwnerOnly(outDirectory.resolve(EVENTS), eventBytes);
        DurableWrites.writeOwnerOnly(outDirectory.resolve(MANIFEST), manifestBytes);
        DurableWrites.writeOwnerOnly(
                outDirectory.resolve(SIGNATURE), Base64.getEncoder().encode(signingKey.sign(manifestBytes)));
        DurableWrites.writeOwnerOnly(
                outDirectory.resolve(PUBLIC_KEY),
                PublicKeys.toPem(signingKey.publicKey()).getBytes(StandardCharsets.US_ASCII));
        return events.withheld().withSelectors(withholding.selectors());
    }

    static ObjectNode withheldNode(WithheldSummary withheld) {
        ObjectNode node = JournalJson.object().put("records", withheld.records());
        ArrayNode selectors = node.putArray("selectors");
        withheld.selectors().forEach(selectors::add);
        ObjectNode types = node.putObject("types");
        withheld.types().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> types.put(entry.getKey(), entry.getValue()));
        ObjectNode steps = node.putObject("steps");
        withheld.steps().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> steps.put(entry.getKey(), entry.getValue()));
        return node;
    }

    /** The chain hash after the last record exported (hex), the value a verifier must arrive at. */
    private static String chainHead(Replay replay) {
        byte[] head = null;
        for (ScannedSegment segment : replay.scan().segments()) {
            for (ScannedFrame frame : segment.frames()) {
                if (frame.sequence() <= replay.lastSequence()) {
                    head = frame.chainAfter();
                }
            }
        }
        return head == null ? null : Sha256.hex(head);
    }

    /** The events file and what went into it. */
    record Events(String lines, long committed, long uncommitted, WithheldSummary withheld) {}

    static Events events(Replay replay, Withholding withholding) {
        Map<Long, JournalEntry> entries = new HashMap<>();
        replay.entries().forEach(entry -> entries.put(entry.sequence(), entry));
        Map<Long, RecordOpening> openings = new HashMap<>();
        replay.openings().forEach(opening -> openings.put(opening.sequence(), opening));
        StringBuilder lines = new StringBuilder();
        long committed = 0;
        long uncommitted = 0;
        WithheldSummary withheld = WithheldSummary.NONE;
        for (ScannedSegment segment : replay.scan().segments()) {
            if (segment.header() == null) {
                continue; // a segment whose header was torn holds nothing; the next header records it
            }
            lines.append(line(JournalJson.object()
                    .put("kind", "segment")
                    .put("name", segment.name())
                    .put(
                            "header",
                            Base64.getEncoder().encodeToString(segment.header().encode()))));
            for (ScannedFrame frame : segment.frames()) {
                JournalEntry entry = entries.get(frame.sequence());
                if (entry == null) {
                    continue;
                }
                boolean withhold = frame.type() == FrameType.ENTRY && withholding.withholds(entry);
                if (withhold) {
                    withheld = withheld.plus(entry.type(), Withholding.stepOf(entry));
                }
                if (frame.type() == FrameType.ENTRY) {
                    if (frame.commitment() != null) {
                        committed++;
                    } else {
                        uncommitted++;
                    }
                }
                lines.append(line(record(frame, entry, openings.get(frame.sequence()), withhold)));
            }
        }
        return new Events(lines.toString(), committed, uncommitted, withheld);
    }

    private static ObjectNode record(ScannedFrame frame, JournalEntry entry, RecordOpening opening, boolean withhold) {
        ObjectNode record = JournalJson.object()
                .put("kind", "record")
                .put("sequence", frame.sequence())
                .put("frame", frame.type().name().toLowerCase());
        if (frame.commitment() != null) {
            record.put("sealedSha256", Sha256.hex(frame.bodyDigest()))
                    .put("commitment", Sha256.hex(frame.commitment()));
        } else {
            record.put("bodySha256", Sha256.hex(frame.bodyDigest()));
        }
        record.put("chain", Sha256.hex(frame.chainAfter())).put("type", entry.type());
        if (frame.type() == FrameType.CHECKPOINT) {
            return record.put("checkpoint", Base64.getEncoder().encodeToString(frame.body()));
        }
        if (withhold) {
            ObjectNode about =
                    record.putObject("withheld").put("time", entry.time().toString());
            about.put("stepId", Withholding.stepOf(entry));
            return record;
        }
        if (opening != null) {
            record.put("salt", Sha256.hex(opening.salt()))
                    .put("plaintext", new String(opening.plaintext(), StandardCharsets.UTF_8));
        } else {
            // a format-1 record: its text is not committed, so any faithful encoding of it will do
            record.put(
                    "plaintext",
                    new String(
                            JournalJson.encode(entry.time(), entry.type(), entry.actor(), entry.payload()),
                            StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String line(ObjectNode node) {
        try {
            return JournalJson.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
