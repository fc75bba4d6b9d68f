package dev.flightdeck.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.verify.ContentBinding;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.journal.verify.WithheldSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code journal verify PACK}: checks an exported evidence pack offline with the operator's public key only, and
 * {@code journal show PACK}: reads it back as a replay (withheld records as {@code withheld} entries).
 */
public final class EvidencePackVerifier {

    private static final Set<String> FORMATS =
            Set.of(EvidencePack.FORMAT, EvidencePack.FORMAT_V2, EvidencePack.FORMAT_V1);

    private EvidencePackVerifier() {}

    public static boolean isEvidencePack(Path path) {
        return Files.isRegularFile(path.resolve(EvidencePack.MANIFEST))
                && Files.isRegularFile(path.resolve(EvidencePack.EVENTS));
    }

    public static VerificationReport verify(Path pack, Optional<PublicKey> trustedKey) {
        return read(pack, trustedKey).report();
    }

    /** A pack checked and read: the verdict, and its records as far as they verified. */
    public record PackReading(VerificationReport report, Replay replay) {}

    public static PackReading read(Path pack, Optional<PublicKey> trustedKey) {
        try {
            byte[] manifest = Files.readAllBytes(pack.resolve(EvidencePack.MANIFEST));
            byte[] events = Files.readAllBytes(pack.resolve(EvidencePack.EVENTS));
            byte[] signature = Base64.getMimeDecoder().decode(Files.readAllBytes(pack.resolve(EvidencePack.SIGNATURE)));
            PublicKey key = trustedKey.isPresent()
                    ? trustedKey.get()
                    : OperatorKeyStore.readPublicKey(pack.resolve(EvidencePack.PUBLIC_KEY));
            String keyNote = (trustedKey.isPresent()
                            ? "checked against the given public key "
                            : "checked against the key shipped in the pack ("
                                    + "pass --public-key for an independent check) ")
                    + PublicKeys.fingerprint(key);
            List<String> lines =
                    new String(events, StandardCharsets.UTF_8).lines().toList();
            PackChainCheck chain = new PackChainCheck(key);
            JsonNode manifestNode = JournalJson.MAPPER.readTree(manifest);
            // the chain is checked even after a manifest problem, so that the counts printed are the file's, not zero
            Optional<JournalProblem> manifestProblem = manifestProblem(manifest, manifestNode, events, signature, key);
            Optional<JournalProblem> chainProblem = chain.check(lines);
            Optional<JournalProblem> problem = manifestProblem.or(() -> chainProblem);
            if (problem.isEmpty()) {
                problem = countProblem(manifestNode, chain);
            }
            ContentBinding content = chain.content();
            if (manifestNode.has("withheld")) {
                content = new ContentBinding(
                        content.committed(),
                        content.uncommitted(),
                        content.opened(),
                        content.withheld().withSelectors(selectors(manifestNode.path("withheld"))));
            }
            // counts are the file's, also when the check stopped at a problem before its end
            int segments = (int) lines.stream()
                    .filter(line -> line.startsWith("{\"kind\":\"segment\""))
                    .count();
            long records = lines.stream()
                    .filter(line -> line.startsWith("{\"kind\":\"record\""))
                    .count();
            VerificationReport report = new VerificationReport(
                    pack.toString(),
                    segments,
                    records,
                    chain.checkpoints(),
                    problem,
                    List.of(),
                    chain.recordsAfterLastCheckpoint(),
                    keyNote,
                    notes(content),
                    false,
                    content);
            Replay replay = new Replay(
                    chain.session(),
                    chain.entries(),
                    chain.signedCheckpoints(),
                    List.of(),
                    problem,
                    new ScannedJournal(List.of(), List.of(), problem, chain.records(), null),
                    List.of());
            return new PackReading(report, replay);
        } catch (IOException | IllegalArgumentException e) {
            throw new JournalException(
                    JournalErrorCode.EVIDENCE_INVALID,
                    "The evidence pack " + pack + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    private static List<String> notes(ContentBinding content) {
        List<String> notes = new ArrayList<>();
        if (content.uncommitted() > 0) {
            notes.add(
                    "the text of " + content.uncommitted()
                            + " format-1 record(s) is bound only by the manifest signature, made at export with the operator's key");
        }
        if (content.committed() > 0) {
            notes.add("each revealed text opens its record's commitment; the commitments are in the chain the"
                    + " checkpoints sign: compare the last short hash with the change ticket (--expect)");
        }
        return notes;
    }

    private static List<String> selectors(JsonNode withheld) {
        List<String> selectors = new ArrayList<>();
        withheld.path("selectors").forEach(selector -> selectors.add(selector.asText()));
        return selectors;
    }

    private static Optional<JournalProblem> manifestProblem(
            byte[] manifest, JsonNode node, byte[] events, byte[] signature, PublicKey key) {
        if (!OperatorKey.verify(key, manifest, signature)) {
            return problem(EvidencePack.MANIFEST, "the manifest signature is not valid for the operator's key");
        }
        if (!FORMATS.contains(node.path("format").asText())) {
            return problem(
                    EvidencePack.MANIFEST,
                    "unknown evidence format " + node.path("format").asText());
        }
        if (!Sha256.hex(Sha256.of(events)).equals(node.path("eventsSha256").asText())) {
            return problem(
                    EvidencePack.EVENTS, "the events file does not match the digest in the signed manifest (altered)");
        }
        return Optional.empty();
    }

    private static Optional<JournalProblem> countProblem(JsonNode node, PackChainCheck chain) {
        if (node.path("records").asLong() != chain.records()) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest lists " + node.path("records").asLong() + " records, the events file "
                            + chain.records());
        }
        if (node.hasNonNull("chainHead") && !node.path("chainHead").asText().equals(chain.chainHead())) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest's chain head " + node.path("chainHead").asText()
                            + " is not where the events file's chain ends (" + chain.chainHead() + ")");
        }
        // the short hash a reviewer compares with the change ticket: the manifest may not name another than the walk's
        String lastCheckpoint = chain.checkpoints().isEmpty()
                ? null
                : chain.checkpoints().get(chain.checkpoints().size() - 1).shortHash();
        if (node.has("lastCheckpoint")
                && !Objects.equals(node.path("lastCheckpoint").textValue(), lastCheckpoint)) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest's last checkpoint "
                            + node.path("lastCheckpoint").asText() + " is not the events file's" + " last checkpoint ("
                            + lastCheckpoint + ")");
        }
        boolean closed = !chain.checkpoints().isEmpty()
                && chain.recordsAfterLastCheckpoint() == 0
                && chain.checkpoints().get(chain.checkpoints().size() - 1).closesSession();
        if (node.has("closed") && node.path("closed").asBoolean() != closed) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest says the session was " + (node.path("closed").asBoolean() ? "" : "not ")
                            + "closed, the events file's last checkpoint says otherwise");
        }
        return EvidencePack.FORMAT.equals(node.path("format").asText())
                ? withheldProblem(node, chain.content())
                : Optional.empty();
    }

    /** The manifest's account of what was left out must be exactly what the events file leaves out. */
    private static Optional<JournalProblem> withheldProblem(JsonNode node, ContentBinding content) {
        JsonNode withheld = node.path("withheld");
        WithheldSummary found = content.withheld();
        boolean same = withheld.path("records").asLong(-1) == found.records()
                && counts(withheld.path("types")).equals(new TreeMap<>(found.types()))
                && counts(withheld.path("steps")).equals(new TreeMap<>(found.steps()))
                && node.path("committedRecords").asLong(-1) == content.committed()
                && node.path("uncommittedRecords").asLong(-1) == content.uncommitted();
        if (!same) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest's account of committed and withheld records does not match the events file (which withholds "
                            + found.describe() + ")");
        }
        return Optional.empty();
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields()
                .forEachRemaining(
                        field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static Optional<JournalProblem> problem(String file, String what) {
        return Optional.of(new JournalProblem(file, 0, -1, what));
    }
}
