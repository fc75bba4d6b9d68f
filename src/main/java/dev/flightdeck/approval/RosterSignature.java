package dev.flightdeck.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;

/**
 * An administrator's signature over a roster, kept beside it as {@code FILE.sig} (JSON: {@code format} =
 * {@value #FORMAT}, {@code signer}, {@code publicKey} Base64 X.509, {@code rosterSha256} hex, {@code signature} Base64
 * Ed25519 over {@code "flightdeck-roster-v1"} ‖ SHA-256 of the roster's bytes). The roster itself stays plain YAML.
 */
public final class RosterSignature {

    public static final String FORMAT = "flightdeck-roster-signature-v1";
    private static final byte[] DOMAIN = "flightdeck-roster-v1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RosterSignature() {}

    public static Path fileFor(Path roster) {
        return roster.resolveSibling(roster.getFileName() + ".sig");
    }

    /** Signs the roster's current bytes with the administrator's key; returns the signature file. */
    public static Path sign(Path roster, PersonalKey administrator) throws IOException {
        byte[] digest =
                Sha256.of(Files.readString(roster, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        byte[] signature = administrator.sign(message(digest));
        var stored = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("signer", administrator.name())
                .put("publicKey", PublicKeys.toBase64(administrator.publicKey()))
                .put("rosterSha256", Sha256.hex(digest))
                .put("signature", Base64.getEncoder().encodeToString(signature));
        Path file = fileFor(roster);
        DurableWrites.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        return file;
    }

    /**
     * The signer as "Name (key fingerprint)" when the signature file matches the roster's bytes.
     *
     * @throws IllegalArgumentException saying what does not match
     */
    static String check(byte[] rosterBytes, Path signatureFile) {
        try {
            JsonNode stored = JSON.readTree(Files.readAllBytes(signatureFile));
            if (!FORMAT.equals(stored.path("format").asText())) {
                throw new IllegalArgumentException(signatureFile + " is not a roster signature (" + FORMAT + ")");
            }
            PublicKey key = PublicKeys.fromBase64OrNull(stored.path("publicKey").asText());
            if (key == null) {
                throw new IllegalArgumentException(signatureFile + " holds no Ed25519 public key");
            }
            byte[] digest = Sha256.of(rosterBytes);
            byte[] signature =
                    Base64.getDecoder().decode(stored.path("signature").asText());
            String signer = stored.path("signer").asText() + " (" + PublicKeys.groupedFingerprint(key) + ")";
            if (!OperatorKey.verify(key, message(digest), signature)) {
                throw new IllegalArgumentException(
                        "the roster was changed after " + signer + " signed it (" + signatureFile
                                + " does not match its content); have it signed again with flightdeck roster sign");
            }
            return signer;
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException refused
                    && refused.getMessage().contains(signatureFile.toString())) {
                throw refused;
            }
            throw new IllegalArgumentException(
                    signatureFile + " cannot be read as a roster signature (" + e.getMessage() + ")");
        }
    }

    private static byte[] message(byte[] digest) {
        byte[] message = new byte[DOMAIN.length + digest.length];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        System.arraycopy(digest, 0, message, DOMAIN.length, digest.length);
        return message;
    }
}
