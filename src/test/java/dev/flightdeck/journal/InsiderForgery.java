package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.EntryBody;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an insider holding the operator's private key and passphrase can do: rewrite a journal (decrypt, edit,
 * re-encrypt, re-chain, re-sign every checkpoint) or an evidence pack (edit the text, recompute its commitment,
 * the chain, every checkpoint signature and the manifest). Nothing here is a shortcut: the journal forgery goes
 * through the product's own writer, the pack forgery through the format's own classes.
 */
final class InsiderForgery {

    private static final HexFormat HEX = HexFormat.of();

    private InsiderForgery() {}

    /**
     * Writes {@code original}'s records into {@code forged} with the same session id, times, actors and checkpoint
     * reasons, every payload passed through {@code edit}.
     */
    static void rewriteJournal(Path original, Path forged, OperatorKey key, UnaryOperator<JournalEntry> edit) {
        Replay replay = Journal.read(original, JournalFixture.PASSPHRASE);
        SettableClock clock = new SettableClock(replay.entries().get(0).time());
        JournalOptions options =
                new JournalOptions(KdfCost.insecureForTestsOnly(64), Storage.files(), clock, "insider");
        try (JournalWriter writer =
                Journal.create(forged, replay.sessionId(), JournalFixture.PASSPHRASE, key, options)) {
            for (JournalEntry entry : replay.entries()) {
                clock.now = entry.time();
                if (entry.type().equals(EventTypes.CHECKPOINT)) {
                    if (entry.payload().path("closesSession").asBoolean()) {
                        writer.closeSession(entry.text("reason"));
                        return;
                    }
                    writer.checkpoint(entry.text("reason"));
                } else {
                    JournalEntry edited = edit.apply(entry);
                    writer.append(edited.type(), edited.actor(), edited.payload());
                }
            }
        }
    }

    /**
     * Replaces {@code from} by {@code to} in the plaintext of record {@code sequence} of a single-segment pack,
     * recomputes its commitment, the chain after it, every checkpoint's signature and the signed manifest.
     */
    static void rewritePack(Path pack, long sequence, String from, String to, OperatorKey key) throws Exception {
        List<String> lines = Files.readAllLines(pack.resolve(EvidencePack.EVENTS));
        List<String> forged = new ArrayList<>();
        byte[] chain = null;
        for (String text : lines) {
            ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(text);
            if (line.path("kind").asText().equals("segment")) {
                byte[] header = Base64.getDecoder().decode(line.path("header").asText());
                chain = ChainHash.segmentStart(
                        Sha256.of(SegmentHeader.read(header).header().encode()));
            } else if (line.path("frame").asText().equals("checkpoint")) {
                CheckpointBody old = CheckpointBody.decodeOrNull(
                        Base64.getDecoder().decode(line.path("checkpoint").asText()));
                byte[] signature = key.sign(CheckpointBody.signedMessage(
                        old.sessionId(),
                        old.coveredSequence(),
                        chain,
                        old.timeMillis(),
                        old.reason(),
                        old.closesSession()));
                byte[] body = new CheckpointBody(
                                old.sessionId(),
                                old.coveredSequence(),
                                chain,
                                old.timeMillis(),
                                old.reason(),
                                old.closesSession(),
                                signature)
                        .encode();
                byte[] digest = Sha256.of(body);
                chain = ChainHash.next(
                        chain, FrameType.CHECKPOINT, line.path("sequence").asLong(), digest);
                line.put("checkpoint", Base64.getEncoder().encodeToString(body))
                        .put("bodySha256", HEX.formatHex(digest))
                        .put("chain", HEX.formatHex(chain));
            } else {
                if (line.path("sequence").asLong() == sequence) {
                    String plaintext = line.path("plaintext").asText();
                    if (!plaintext.contains(from)) {
                        throw new IllegalArgumentException("record " + sequence + " does not contain " + from);
                    }
                    plaintext = plaintext.replace(from, to);
                    byte[] salt = HEX.parseHex(line.path("salt").asText());
                    line.put("plaintext", plaintext)
                            .put(
                                    "commitment",
                                    HEX.formatHex(
                                            EntryBody.commitment(salt, plaintext.getBytes(StandardCharsets.UTF_8))));
                }
                chain = ChainHash.next(
                        chain,
                        FrameType.ENTRY,
                        line.path("sequence").asLong(),
                        HEX.parseHex(line.path("sealedSha256").asText()),
                        HEX.parseHex(line.path("commitment").asText()));
                line.put("chain", HEX.formatHex(chain));
            }
            forged.add(JournalJson.MAPPER.writeValueAsString(line));
        }
        byte[] events = (String.join("\n", forged) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(pack.resolve(EvidencePack.EVENTS), events);
        ObjectNode manifest = (ObjectNode)
                JournalJson.MAPPER.readTree(pack.resolve(EvidencePack.MANIFEST).toFile());
        manifest.put("eventsSha256", Sha256.hex(Sha256.of(events)))
                .put("chainHead", HEX.formatHex(chain))
                .put("lastCheckpoint", ChainHash.shortForm(lastCheckpointChain(forged)));
        resignManifest(pack, manifest, key);
    }

    /** Re-signs the manifest after {@code events.jsonl} was edited, as the operator's key can. */
    static void resignEvents(Path pack, List<String> lines, OperatorKey key) throws Exception {
        byte[] events = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(pack.resolve(EvidencePack.EVENTS), events);
        ObjectNode manifest = (ObjectNode)
                JournalJson.MAPPER.readTree(pack.resolve(EvidencePack.MANIFEST).toFile());
        manifest.put("eventsSha256", Sha256.hex(Sha256.of(events)));
        resignManifest(pack, manifest, key);
    }

    static void resignManifest(Path pack, ObjectNode manifest, OperatorKey key) throws Exception {
        byte[] bytes = JournalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        Files.write(pack.resolve(EvidencePack.MANIFEST), bytes);
        Files.write(pack.resolve(EvidencePack.SIGNATURE), Base64.getEncoder().encode(key.sign(bytes)));
    }

    private static byte[] lastCheckpointChain(List<String> lines) throws Exception {
        byte[] last = null;
        for (String text : lines) {
            ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(text);
            if (line.path("frame").asText().equals("checkpoint")) {
                last = CheckpointBody.decodeOrNull(Base64.getDecoder()
                                .decode(line.path("checkpoint").asText()))
                        .chainHash();
            }
        }
        return last;
    }

    /** A clock the forger sets to each original record's time. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
