package dev.flightdeck.journal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSONL evidence pack: {@code events.jsonl} (each segment header, then each record with its body digest and
 * chain hash, entries decrypted, checkpoints with their signed bytes), {@code manifest.json} with the digest of the
 * events file, {@code manifest.sig} (Ed25519 by the operator) and {@code operator-ed25519.pub}. A reviewer checks
 * it offline with the public key: chain and checkpoints prove the records, the signed manifest binds the plaintext.
 */
public final class EvidencePack {

    public static final String EVENTS = "events.jsonl";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "operator-ed25519.pub";
    /** v2 added {@code chainHead}, {@code lastCheckpoint} and {@code closed} to the manifest; v1 packs still verify. */
    public static final String FORMAT = "flightdeck-evidence-v2";

    public static final String FORMAT_V1 = "flightdeck-evidence-v1";

    private EvidencePack() {}

    public static void write(Replay replay, OperatorKey signingKey, Path outDirectory) throws IOException {
        byte[] events = events(replay).getBytes(StandardCharsets.UTF_8);
        ObjectNode manifest = JournalJson.object()
                .put("format", FORMAT)
                .put("session", String.valueOf(replay.sessionId()))
                .put("records", replay.entries().size())
                .put("segments", replay.scan().segments().size())
                .put("events", EVENTS)
                .put("eventsSha256", Sha256.hex(Sha256.of(events)))
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
                .put("publicKeyFingerprint", PublicKeys.fingerprint(signingKey.publicKey()))
                .put("exportedAt", Instant.now().toString());
        byte[] manifestBytes =
                JournalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        DurableWrites.writeOwnerOnly(outDirectory.resolve(EVENTS), events);
        DurableWrites.writeOwnerOnly(outDirectory.resolve(MANIFEST), manifestBytes);
        DurableWrites.writeOwnerOnly(
                outDirectory.resolve(SIGNATURE), Base64.getEncoder().encode(signingKey.sign(manifestBytes)));
        DurableWrites.writeOwnerOnly(
                outDirectory.resolve(PUBLIC_KEY),
                PublicKeys.toPem(signingKey.publicKey()).getBytes(StandardCharsets.US_ASCII));
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

    static String events(Replay replay) {
        Map<Long, JournalEntry> entries = new HashMap<>();
        replay.entries().forEach(entry -> entries.put(entry.sequence(), entry));
        StringBuilder lines = new StringBuilder();
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
                if (entry != null) {
                    lines.append(line(record(frame, entry)));
                }
            }
        }
        return lines.toString();
    }

    private static ObjectNode record(ScannedFrame frame, JournalEntry entry) {
        ObjectNode record = JournalJson.object()
                .put("kind", "record")
                .put("sequence", frame.sequence())
                .put("frame", frame.type().name().toLowerCase())
                .put("bodySha256", Sha256.hex(frame.bodyDigest()))
                .put("chain", Sha256.hex(frame.chainAfter()))
                .put("time", entry.time().toString())
                .put("type", entry.type())
                .put("actor", entry.actor());
        record.set("payload", entry.payload());
        if (frame.type() == FrameType.CHECKPOINT) {
            record.put("checkpoint", Base64.getEncoder().encodeToString(frame.body()));
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
