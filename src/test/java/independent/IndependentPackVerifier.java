package independent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * A verifier of a {@code flightdeck-evidence-v3} pack written from {@code docs/journal.md} alone, as a reviewer outside
 * the project would write it: the JDK's Ed25519, SHA-256 and CRC32C, and a JSON reader. It uses nothing of Flightdeck
 * ({@code IndependentPackVerifierTest} enforces that), so when it and {@code flightdeck journal verify} agree, the
 * document is enough to check a pack — and where they disagree, the document or the product is wrong.
 *
 * <p>It checks, in the order the document's "To verify a pack" gives: the manifest's signature with the operator's
 * published key, the events file's digest, every segment header (CRC, session, first sequence, previous chain head,
 * key, version), every record's sequence and chain hash, every revealed record's commitment and type, every checkpoint
 * (body digest, session, covered sequence, chain hash, signature), then the manifest's counts and head against the walk,
 * and finally that each short hash written down (the change ticket) is a checkpoint of this pack.
 */
public final class IndependentPackVerifier {

    /** What the walk found; {@code problems} empty means intact. */
    public record Verdict(
            List<String> problems,
            boolean closed,
            long records,
            long revealed,
            long withheld,
            List<String> checkpointShortHashes,
            Optional<String> lastShortHash) {

        public boolean intact() {
            return problems.isEmpty();
        }

        /** The exit code {@code journal verify} documents: 0 intact and closed, 1 a problem, 3 intact but NOT closed. */
        public int exitCode() {
            return !intact() ? 1 : closed ? 0 : 3;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEGMENT_DOMAIN = ascii("flightdeck-segment");
    private static final byte[] CHECKPOINT_DOMAIN = ascii("flightdeck-checkpoint-v1");
    private static final int ENTRY = 1;
    private static final int CHECKPOINT = 2;
    private static final int CHECKPOINT_FIXED_BYTES = 132;
    private static final int SIGNATURE_BYTES = 64;

    private final List<String> problems = new ArrayList<>();
    private PublicKey operator;
    private byte[] operatorX509;

    // the walk's state
    private UUID segmentSession;
    private int segmentVersion;
    private int highestVersion;
    private byte[] chain;
    private long expectedSequence = 1;
    private long records;
    private long committed;
    private long uncommitted;
    private long revealed;
    private long withheld;
    private final Map<String, Long> withheldTypes = new TreeMap<>();
    private final Map<String, Long> withheldSteps = new TreeMap<>();
    private final List<String> shortHashes = new ArrayList<>();
    private boolean lastIsCheckpoint;
    private boolean lastCloses;
    private int segments;

    private IndependentPackVerifier() {}

    /**
     * Verifies {@code pack} with the operator's published key ({@code publishedKey}: X.509 bytes, as {@code key show}
     * prints them in Base64), or, without it, with the key the pack carries (which proves only self-consistency).
     */
    public static Verdict verify(Path pack, Optional<byte[]> publishedKey, List<String> expectedShortHashes)
            throws IOException {
        IndependentPackVerifier verifier = new IndependentPackVerifier();
        return verifier.run(pack, publishedKey, expectedShortHashes);
    }

    private Verdict run(Path pack, Optional<byte[]> publishedKey, List<String> expected) throws IOException {
        operatorX509 = publishedKey.isPresent() ? publishedKey.get() : pemKey(pack.resolve("operator-ed25519.pub"));
        try {
            operator = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(operatorX509));
        } catch (GeneralSecurityException e) {
            return done("the operator's key is not an Ed25519 public key: " + e.getMessage());
        }
        byte[] manifestBytes = Files.readAllBytes(pack.resolve("manifest.json"));
        byte[] signature = Base64.getDecoder()
                .decode(Files.readString(pack.resolve("manifest.sig"), StandardCharsets.US_ASCII)
                        .strip());
        if (!ed25519(manifestBytes, signature)) {
            return done("manifest.sig: the manifest's signature does not verify with the operator's key");
        }
        JsonNode manifest = JSON.readTree(manifestBytes);
        if (!manifest.path("format").asText().equals("flightdeck-evidence-v3")) {
            return done("manifest.json: format is " + manifest.path("format") + ", not flightdeck-evidence-v3");
        }
        byte[] events = Files.readAllBytes(pack.resolve(manifest.path("events").asText()));
        if (!hex(sha256(events)).equals(manifest.path("eventsSha256").asText())) {
            return done("events.jsonl: its SHA-256 is not the manifest's eventsSha256");
        }
        UUID session = UUID.fromString(manifest.path("session").asText());
        walk(new String(events, StandardCharsets.UTF_8), session);
        if (problems.isEmpty()) {
            compareManifest(manifest);
        }
        if (problems.isEmpty()) {
            for (String hash : expected) {
                String written = normalise(hash);
                if (!shortHashes.contains(written)) {
                    problems.add("expected short hash " + written + " is not a checkpoint of this pack");
                }
            }
        }
        return verdict();
    }

    private void walk(String events, UUID session) {
        if (!events.isEmpty() && !events.endsWith("\n")) {
            problems.add("events.jsonl: the last line is not ended by a newline");
            return;
        }
        int number = 0;
        for (String text : events.split("\n", -1)) {
            number++;
            if (text.isEmpty()) {
                continue;
            }
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException e) {
                problems.add("line " + number + ": not JSON");
                return;
            }
            boolean ok;
            try {
                ok = switch (line.path("kind").asText()) {
                    case "segment" -> segment(number, line, session);
                    case "record" -> record(number, line);
                    default -> problem("line " + number + ": unknown kind " + line.path("kind"));
                };
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                ok = problem("line " + number + ": a malformed field (" + malformed.getMessage() + ")");
            }
            if (!ok) {
                return; // the first problem stops the walk: what follows it cannot be trusted
            }
        }
    }

    /** A segment header: CRC, session, first sequence, previous chain head, operator's key, version. */
    private boolean segment(int number, JsonNode line, UUID session) {
        byte[] header = Base64.getDecoder().decode(line.path("header").asText());
        ByteBuffer h = ByteBuffer.wrap(header);
        String where = "line " + number + " (" + line.path("name").asText() + "): ";
        if (header.length < 14 || !Arrays.equals(Arrays.copyOf(header, 8), ascii("FDJOURNL"))) {
            return problem(where + "not a segment header");
        }
        int version = Short.toUnsignedInt(h.getShort(8));
        long bodyLength = Integer.toUnsignedLong(h.getInt(10));
        if (header.length != 14 + bodyLength + 4) {
            return problem(where + "the header's length is not its body length + 18");
        }
        CRC32C crc = new CRC32C();
        crc.update(header, 0, (int) (14 + bodyLength));
        if (crc.getValue() != Integer.toUnsignedLong(h.getInt((int) (14 + bodyLength)))) {
            return problem(where + "the header's CRC32C does not match");
        }
        if (version != 1 && version != 2) {
            return problem(where + "unsupported journal format version " + version);
        }
        if (version < highestVersion) {
            return problem(where + "a format is never downgraded");
        }
        UUID headerSession = new UUID(h.getLong(14), h.getLong(22));
        if (!headerSession.equals(session)) {
            return problem(where + "the header's session is not the manifest's");
        }
        long index = Integer.toUnsignedLong(h.getInt(30));
        if (index != segments + 1) {
            return problem(where + "segment index " + index + ", expected " + (segments + 1));
        }
        long firstSequence = h.getLong(42);
        if (firstSequence != expectedSequence) {
            return problem(where + "first sequence " + firstSequence + ", expected " + expectedSequence);
        }
        byte[] previous = Arrays.copyOfRange(header, 50, 82);
        byte[] expectedPrevious = chain == null ? new byte[32] : chain;
        if (!Arrays.equals(previous, expectedPrevious)) {
            return problem(where + "the previous chain head is not the chain so far");
        }
        int keyLength = Short.toUnsignedInt(h.getShort(118));
        byte[] key = Arrays.copyOfRange(header, 120, 120 + keyLength);
        if (!Arrays.equals(key, operatorX509)) {
            return problem(where + "the segment was written with another key than the operator's");
        }
        segments++;
        segmentSession = headerSession;
        segmentVersion = version;
        highestVersion = Math.max(highestVersion, version);
        chain = sha256(SEGMENT_DOMAIN, sha256(header));
        return true;
    }

    private boolean record(int number, JsonNode line) {
        long sequence = line.path("sequence").asLong(-1);
        String where = "line " + number + ", record " + sequence + ": ";
        if (chain == null) {
            return problem(where + "a record before any segment");
        }
        if (sequence != expectedSequence) {
            return problem(where + "expected record " + expectedSequence);
        }
        String frame = line.path("frame").asText();
        byte[] before = chain;
        if (frame.equals("checkpoint")) {
            if (!checkpoint(where, line, before)) {
                return false;
            }
        } else if (frame.equals("entry")) {
            if (!entry(where, line, before)) {
                return false;
            }
        } else {
            return problem(where + "unknown frame " + line.path("frame"));
        }
        if (!hex(chain).equals(line.path("chain").asText())) {
            return problem(where + "does not continue the hash chain");
        }
        expectedSequence++;
        records++;
        return true;
    }

    private boolean entry(String where, JsonNode line, byte[] before) {
        long sequence = line.path("sequence").asLong();
        lastIsCheckpoint = false;
        lastCloses = false;
        if (segmentVersion == 1) {
            uncommitted++;
            chain = next(
                    before, ENTRY, sequence, parseHex(line.path("bodySha256").asText()));
            return withheldOrRevealed(where, line);
        }
        committed++;
        byte[] commitment = parseHex(line.path("commitment").asText());
        chain = next(before, ENTRY, sequence, parseHex(line.path("sealedSha256").asText()), commitment);
        return withheldOrRevealed(where, line) && opens(where, line, commitment);
    }

    private boolean withheldOrRevealed(String where, JsonNode line) {
        if (line.has("withheld")) {
            if (line.has("plaintext") || line.has("salt")) {
                return problem(where + "a withheld record carries its text");
            }
            withheld++;
            withheldTypes.merge(line.path("type").asText(), 1L, Long::sum);
            JsonNode step = line.path("withheld").path("stepId");
            if (step.isTextual()) {
                withheldSteps.merge(step.asText(), 1L, Long::sum);
            }
            return true;
        }
        if (!line.path("plaintext").isTextual()) {
            return problem(where + "neither revealed nor withheld");
        }
        revealed++;
        return true;
    }

    /** A revealed format-2 record's text opens its commitment and is an entry of the line's type. */
    private boolean opens(String where, JsonNode line, byte[] commitment) {
        if (line.has("withheld")) {
            return true;
        }
        byte[] plaintext = line.path("plaintext").asText().getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(sha256(parseHex(line.path("salt").asText()), plaintext), commitment)) {
            return problem(where + "the text does not open its commitment");
        }
        JsonNode record;
        try {
            record = JSON.readTree(plaintext);
        } catch (IOException e) {
            return problem(where + "the plaintext is not JSON");
        }
        for (String field : List.of("time", "type", "actor", "payload")) {
            if (!record.has(field)) {
                return problem(where + "the plaintext has no " + field);
            }
        }
        if (!record.path("payload").isObject()
                || !record.path("type").asText().equals(line.path("type").asText())) {
            return problem(where + "the plaintext is not an entry of the line's type");
        }
        return true;
    }

    /** The body's digest, then the checkpoint itself: session, covered sequence, chain hash, signature. */
    private boolean checkpoint(String where, JsonNode line, byte[] before) {
        long sequence = line.path("sequence").asLong();
        byte[] body = Base64.getDecoder().decode(line.path("checkpoint").asText());
        byte[] digest = sha256(body);
        if (!hex(digest).equals(line.path("bodySha256").asText())) {
            return problem(where + "the checkpoint's body is not its bodySha256");
        }
        if (body.length < CHECKPOINT_FIXED_BYTES) {
            return problem(where + "the checkpoint's body is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        int version = Byte.toUnsignedInt(b.get(0));
        int flags = Byte.toUnsignedInt(b.get(1));
        UUID session = new UUID(b.getLong(2), b.getLong(10));
        long covered = b.getLong(18);
        byte[] chainHash = Arrays.copyOfRange(body, 26, 58);
        int reasonLength = Short.toUnsignedInt(b.getShort(66));
        if (version != 1 || flags > 1 || body.length != CHECKPOINT_FIXED_BYTES + reasonLength) {
            return problem(where + "the checkpoint does not decode");
        }
        if (!session.equals(segmentSession)) {
            return problem(where + "the checkpoint belongs to another session");
        }
        if (covered != sequence - 1) {
            return problem(where + "the checkpoint covers " + covered + ", not the record before it");
        }
        if (!Arrays.equals(chainHash, before)) {
            return problem(where + "the checkpoint does not match the records before it");
        }
        byte[] signed = Arrays.copyOf(body, body.length - SIGNATURE_BYTES);
        byte[] signature = Arrays.copyOfRange(body, body.length - SIGNATURE_BYTES, body.length);
        if (!ed25519(concat(CHECKPOINT_DOMAIN, signed), signature)) {
            return problem(where + "the checkpoint's signature does not verify with the operator's key");
        }
        shortHashes.add(shortHash(chainHash));
        lastIsCheckpoint = true;
        lastCloses = flags == 1;
        chain = next(before, CHECKPOINT, sequence, digest);
        return true;
    }

    private void compareManifest(JsonNode manifest) {
        expectNumber(manifest, "records", records);
        expectNumber(manifest, "segments", segments);
        expectNumber(manifest, "lastSequence", expectedSequence - 1);
        expectNumber(manifest, "committedRecords", committed);
        expectNumber(manifest, "uncommittedRecords", uncommitted);
        if (!manifest.path("chainHead").asText().equals(chain == null ? "" : hex(chain))) {
            problems.add("manifest.json: chainHead is not the walk's last chain hash");
        }
        if (manifest.path("closed").asBoolean() != closed()) {
            problems.add("manifest.json: closed is " + manifest.path("closed") + ", the walk says " + closed());
        }
        if (manifest.path("sealed").asBoolean() != lastIsCheckpoint) {
            problems.add("manifest.json: sealed is " + manifest.path("sealed") + ", the walk says " + lastIsCheckpoint);
        }
        String last = shortHashes.isEmpty() ? null : shortHashes.get(shortHashes.size() - 1);
        JsonNode lastCheckpoint = manifest.path("lastCheckpoint");
        if (!(last == null ? lastCheckpoint.isNull() : last.equals(lastCheckpoint.asText()))) {
            problems.add("manifest.json: lastCheckpoint " + lastCheckpoint + " is not the walk's last, " + last);
        }
        String fingerprint = hex(sha256(operatorX509)).substring(0, 16);
        if (!normalise(manifest.path("publicKeyFingerprint").asText()).equals(shortHash(parseHex(fingerprint)))) {
            problems.add("manifest.json: publicKeyFingerprint is not the operator's key's");
        }
        JsonNode held = manifest.path("withheld");
        expectNumber(held, "withheld.records", "records", withheld);
        if (!counts(held.path("types")).equals(withheldTypes)) {
            problems.add("manifest.json: withheld.types " + held.path("types") + " is not the walk's " + withheldTypes);
        }
        if (!counts(held.path("steps")).equals(withheldSteps)) {
            problems.add("manifest.json: withheld.steps " + held.path("steps") + " is not the walk's " + withheldSteps);
        }
    }

    private boolean closed() {
        return lastIsCheckpoint && lastCloses;
    }

    private void expectNumber(JsonNode manifest, String field, long walked) {
        expectNumber(manifest, field, field, walked);
    }

    private void expectNumber(JsonNode node, String label, String field, long walked) {
        if (!node.path(field).canConvertToLong() || node.path(field).asLong() != walked) {
            problems.add("manifest.json: " + label + " is " + node.path(field) + ", the walk found " + walked);
        }
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            counts.put(field.getKey(), field.getValue().asLong());
        }
        return counts;
    }

    private Verdict done(String problem) {
        problems.add(problem);
        return verdict();
    }

    private Verdict verdict() {
        return new Verdict(
                List.copyOf(problems),
                problems.isEmpty() && closed(),
                records,
                revealed,
                withheld,
                List.copyOf(shortHashes),
                shortHashes.isEmpty() ? Optional.empty() : Optional.of(shortHashes.get(shortHashes.size() - 1)));
    }

    private boolean problem(String text) {
        problems.add(text);
        return false;
    }

    /** H_i = SHA-256(H_{i-1} ‖ type u8 ‖ sequence i64 ‖ digest [‖ commitment]). */
    private static byte[] next(byte[] previous, int type, long sequence, byte[]... digests) {
        ByteBuffer header = ByteBuffer.allocate(9).put((byte) type).putLong(sequence);
        byte[][] parts = new byte[digests.length + 2][];
        parts[0] = previous;
        parts[1] = header.array();
        System.arraycopy(digests, 0, parts, 2, digests.length);
        return sha256(parts);
    }

    /** The first 16 hex digits, grouped by four with '-'. */
    private static String shortHash(byte[] chainHash) {
        String digits = hex(chainHash).substring(0, 16);
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-"
                + digits.substring(12, 16);
    }

    /** A short hash as written down, in either case, with or without the dashes. */
    private static String normalise(String written) {
        String digits = written.replace("-", "").toLowerCase(Locale.ROOT);
        if (!digits.matches("[0-9a-f]{16}")) {
            return written;
        }
        return shortHash(HEX.parseHex(digits + "0".repeat(48)));
    }

    private boolean ed25519(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(operator);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] pemKey(Path file) throws IOException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Malformed hex throws, and the walk reports the line. */
    private static byte[] parseHex(String text) {
        return HEX.parseHex(text);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
