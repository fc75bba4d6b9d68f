package dev.flightdeck.journal.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightdeck.journal.JournalErrorCode;
import dev.flightdeck.journal.JournalException;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.verify.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** {@code journal verify PACK}: checks an exported evidence pack offline with the operator's public key only. */
public final class EvidencePackVerifier {

    private EvidencePackVerifier() {}

    public static boolean isEvidencePack(Path path) {
        return Files.isRegularFile(path.resolve(EvidencePack.MANIFEST))
                && Files.isRegularFile(path.resolve(EvidencePack.EVENTS));
    }

    public static VerificationReport verify(Path pack, Optional<PublicKey> trustedKey) {
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
            // the chain is checked even after a manifest problem, so that the counts printed are the file's, not zero
            Optional<JournalProblem> manifestProblem = manifestProblem(manifest, events, signature, key);
            Optional<JournalProblem> chainProblem = chain.check(lines);
            Optional<JournalProblem> problem = manifestProblem.or(() -> chainProblem);
            if (problem.isEmpty()) {
                problem = countProblem(manifest, chain);
            }
            List<String> notes = new ArrayList<>(
                    List.of(
                            "entries are plaintext bound by the signed manifest; the chain and checkpoints prove the original records"));
            // counts are the file's, also when the check stopped at a problem before its end
            int segments = (int) lines.stream()
                    .filter(line -> line.startsWith("{\"kind\":\"segment\""))
                    .count();
            long records = lines.stream()
                    .filter(line -> line.startsWith("{\"kind\":\"record\""))
                    .count();
            return new VerificationReport(
                    pack.toString(),
                    segments,
                    records,
                    chain.checkpoints(),
                    problem,
                    List.of(),
                    chain.recordsAfterLastCheckpoint(),
                    keyNote,
                    notes,
                    false);
        } catch (IOException | IllegalArgumentException e) {
            throw new JournalException(
                    JournalErrorCode.EVIDENCE_INVALID,
                    "The evidence pack " + pack + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    private static Optional<JournalProblem> manifestProblem(
            byte[] manifest, byte[] events, byte[] signature, PublicKey key) throws IOException {
        if (!OperatorKey.verify(key, manifest, signature)) {
            return problem(EvidencePack.MANIFEST, "the manifest signature is not valid for the operator's key");
        }
        JsonNode node = JournalJson.MAPPER.readTree(manifest);
        if (!EvidencePack.FORMAT.equals(node.path("format").asText())
                && !EvidencePack.FORMAT_V1.equals(node.path("format").asText())) {
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

    private static Optional<JournalProblem> countProblem(byte[] manifest, PackChainCheck chain) throws IOException {
        JsonNode node = JournalJson.MAPPER.readTree(manifest);
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
        boolean closed = !chain.checkpoints().isEmpty()
                && chain.recordsAfterLastCheckpoint() == 0
                && chain.checkpoints().get(chain.checkpoints().size() - 1).closesSession();
        if (node.has("closed") && node.path("closed").asBoolean() != closed) {
            return problem(
                    EvidencePack.MANIFEST,
                    "the manifest says the session was " + (node.path("closed").asBoolean() ? "" : "not ")
                            + "closed, the events file's last checkpoint says otherwise");
        }
        return Optional.empty();
    }

    private static Optional<JournalProblem> problem(String file, String what) {
        return Optional.of(new JournalProblem(file, 0, -1, what));
    }
}
