package dev.flightdeck.journal.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * An Ed25519 private key sealed with a passphrase, as the operator's installation key and the people's personal keys
 * store it: key-encryption key = Argon2id(passphrase, salt), then AES-256-GCM over the PKCS#8 bytes with the
 * {@code binding} text, the KDF settings and the public key as associated data, so none of them can be swapped
 * without the passphrase noticing. Stored as JSON fields (Base64 for bytes) beside whatever else the file holds.
 */
public final class SealedKey {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedKey() {}

    /** Seals {@code pair}'s private key into a new JSON object with the given {@code format}. */
    public static ObjectNode seal(KeyPair pair, char[] passphrase, KdfCost cost, String format, String binding) {
        KdfParameters kdf = cost.withSalt(Aead.randomBytes(KdfParameters.SALT_BYTES));
        byte[] publicBytes = pair.getPublic().getEncoded();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] nonce = Aead.randomNonce();
        try {
            byte[] ciphertext =
                    Aead.encrypt(Argon2Kdf.deriveKey(passphrase, kdf), nonce, pkcs8, aad(binding, publicBytes, kdf));
            return JSON.createObjectNode()
                    .put("format", format)
                    .put("memoryKiB", kdf.memoryKiB())
                    .put("iterations", kdf.iterations())
                    .put("parallelism", kdf.parallelism())
                    .put("salt", encode(kdf.salt()))
                    .put("publicKey", encode(publicBytes))
                    .put("nonce", encode(nonce))
                    .put("ciphertext", encode(ciphertext));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The public key's X.509 bytes as stored (no passphrase needed). */
    public static byte[] publicKeyBytes(ObjectNode stored) {
        return decode(stored, "publicKey");
    }

    /**
     * The key pair, or null when the passphrase (or anything bound to the ciphertext) is wrong.
     *
     * @throws GeneralSecurityException when the stored bytes are not an Ed25519 key
     */
    public static OperatorKey openOrNull(ObjectNode stored, char[] passphrase, String binding)
            throws GeneralSecurityException {
        KdfParameters kdf = new KdfParameters(
                stored.get("memoryKiB").asInt(),
                stored.get("iterations").asInt(),
                stored.get("parallelism").asInt(),
                decode(stored, "salt"));
        byte[] publicBytes = publicKeyBytes(stored);
        SecretKey key = Argon2Kdf.deriveKey(passphrase, kdf);
        byte[] pkcs8 = Aead.decryptOrNull(
                key, decode(stored, "nonce"), decode(stored, "ciphertext"), aad(binding, publicBytes, kdf));
        if (pkcs8 == null) {
            return null;
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new OperatorKey(privateKey, PublicKeys.fromX509OrNull(publicBytes));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** {@code binding "|" KDF settings "|" Base64(salt)} in UTF-8, then the public key's X.509 bytes. */
    private static byte[] aad(String binding, byte[] publicBytes, KdfParameters kdf) {
        byte[] settings = (binding + "|" + kdf.describe() + "|" + encode(kdf.salt())).getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(settings, settings.length + publicBytes.length);
        System.arraycopy(publicBytes, 0, aad, settings.length, publicBytes.length);
        return aad;
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(ObjectNode node, String field) {
        if (node.get(field) == null) {
            throw new IllegalArgumentException("the key file has no '" + field + "'");
        }
        return Base64.getDecoder().decode(node.get(field).asText());
    }
}
