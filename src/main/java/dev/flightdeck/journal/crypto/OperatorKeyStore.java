package dev.flightdeck.journal.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

/**
 * The operator's signing key under the Flightdeck keys directory: the private key encrypted with a key derived
 * from the passphrase (Argon2id, AES-256-GCM), the public key beside it in PEM for reviewers.
 */
public final class OperatorKeyStore {

    static final String FORMAT = "flightdeck-operator-key-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public OperatorKeyStore(Path keysDirectory) {
        this.directory = keysDirectory;
    }

    public Path privateKeyFile() {
        return directory.resolve("operator-ed25519.key");
    }

    public Path publicKeyFile() {
        return directory.resolve("operator-ed25519.pub");
    }

    /** Unlocks the existing key, or creates one protected by this passphrase when there is none yet. */
    public OperatorKey loadOrCreate(char[] passphrase, KdfCost cost) {
        return Files.exists(privateKeyFile()) ? load(passphrase) : create(passphrase, cost);
    }

    public OperatorKey load(char[] passphrase) {
        try {
            ObjectNode stored = (ObjectNode) JSON.readTree(Files.readAllBytes(privateKeyFile()));
            OperatorKey key = SealedKey.openOrNull(stored, passphrase, FORMAT);
            if (key == null) {
                throw new JournalException(
                        JournalErrorCode.WRONG_PASSPHRASE,
                        "The passphrase does not unlock the signing key " + privateKeyFile() + ". Type it again.");
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof JournalException journal) {
                throw journal;
            }
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The signing key " + privateKeyFile() + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    private OperatorKey create(char[] passphrase, KdfCost cost) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            ObjectNode stored = SealedKey.seal(pair, passphrase, cost, FORMAT, FORMAT);
            DurableWrites.writeOwnerOnly(
                    privateKeyFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
            DurableWrites.writeOwnerOnly(
                    publicKeyFile(), PublicKeys.toPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII));
            return new OperatorKey(pair.getPrivate(), pair.getPublic());
        } catch (IOException | GeneralSecurityException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The signing key cannot be created in " + directory + " (" + e.getMessage() + ").",
                    e);
        }
    }

    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        PublicKey key = PublicKeys.fromPemOrNull(Files.readString(pemFile, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IOException(pemFile + " is not an Ed25519 public key in PEM form");
        }
        return key;
    }
}
