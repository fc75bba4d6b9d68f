package dev.flightdeck.journal.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.JournalErrorCode;
import dev.flightdeck.journal.JournalException;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;

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
            KdfParameters kdf = new KdfParameters(
                    stored.get("memoryKiB").asInt(),
                    stored.get("iterations").asInt(),
                    stored.get("parallelism").asInt(),
                    decode(stored, "salt"));
            byte[] publicBytes = decode(stored, "publicKey");
            SecretKey key = Argon2Kdf.deriveKey(passphrase, kdf);
            byte[] pkcs8 = Aead.decryptOrNull(
                    key, decode(stored, "nonce"), decode(stored, "ciphertext"), aad(publicBytes, kdf));
            if (pkcs8 == null) {
                throw new JournalException(
                        JournalErrorCode.WRONG_PASSPHRASE,
                        "The passphrase does not unlock the signing key " + privateKeyFile() + ". Type it again.");
            }
            try {
                PrivateKey privateKey =
                        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return new OperatorKey(privateKey, PublicKeys.fromX509OrNull(publicBytes));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
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
            KdfParameters kdf = cost.withSalt(Aead.randomBytes(KdfParameters.SALT_BYTES));
            byte[] publicBytes = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] nonce = Aead.randomNonce();
            byte[] ciphertext = Aead.encrypt(Argon2Kdf.deriveKey(passphrase, kdf), nonce, pkcs8, aad(publicBytes, kdf));
            Arrays.fill(pkcs8, (byte) 0);
            ObjectNode stored = JSON.createObjectNode()
                    .put("format", FORMAT)
                    .put("memoryKiB", kdf.memoryKiB())
                    .put("iterations", kdf.iterations())
                    .put("parallelism", kdf.parallelism())
                    .put("salt", encode(kdf.salt()))
                    .put("publicKey", encode(publicBytes))
                    .put("nonce", encode(nonce))
                    .put("ciphertext", encode(ciphertext));
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

    /** The public key and the KDF settings are bound to the ciphertext, so neither can be swapped unnoticed. */
    private static byte[] aad(byte[] publicBytes, KdfParameters kdf) {
        byte[] settings = (FORMAT + "|" + kdf.describe() + "|" + encode(kdf.salt())).getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(settings, settings.length + publicBytes.length);
        System.arraycopy(publicBytes, 0, aad, settings.length, publicBytes.length);
        return aad;
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(ObjectNode node, String field) {
        return Base64.getDecoder().decode(node.get(field).asText());
    }

    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        PublicKey key = PublicKeys.fromPemOrNull(Files.readString(pemFile, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IOException(pemFile + " is not an Ed25519 public key in PEM form");
        }
        return key;
    }
}
