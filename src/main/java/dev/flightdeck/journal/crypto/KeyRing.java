package dev.flightdeck.journal.crypto;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Holds the passphrase while a journal is opened and derives each key-encryption key once per distinct KDF
 * setting (segments of one journal share it, so Argon2 runs once per open). Close it to wipe the passphrase.
 */
public final class KeyRing implements AutoCloseable {

    public static final int DATA_KEY_BYTES = 32;

    private final char[] passphrase;
    private final Map<KdfParameters, SecretKey> keyEncryptionKeys = new HashMap<>();

    public KeyRing(char[] passphrase) {
        this.passphrase = passphrase.clone();
    }

    public SecretKey keyEncryptionKey(KdfParameters parameters) {
        return keyEncryptionKeys.computeIfAbsent(parameters, settings -> Argon2Kdf.deriveKey(passphrase, settings));
    }

    /** A fresh random data key for a new segment, wrapped for its header. */
    public static byte[] newDataKey() {
        return Aead.randomBytes(DATA_KEY_BYTES);
    }

    public byte[] wrap(KdfParameters parameters, byte[] nonce, byte[] dataKey, byte[] headerPrefix) {
        return Aead.encrypt(keyEncryptionKey(parameters), nonce, dataKey, headerPrefix);
    }

    /** Null when the passphrase is wrong or the header around the wrapped key was altered. */
    public SecretKey unwrapOrNull(KdfParameters parameters, byte[] nonce, byte[] wrapped, byte[] headerPrefix) {
        if (!parameters.isWithinBounds()) {
            return null;
        }
        byte[] dataKey = Aead.decryptOrNull(keyEncryptionKey(parameters), nonce, wrapped, headerPrefix);
        if (dataKey == null || dataKey.length != DATA_KEY_BYTES) {
            return null;
        }
        try {
            return new SecretKeySpec(dataKey, "AES");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public void close() {
        Arrays.fill(passphrase, '\0');
        keyEncryptionKeys.clear();
    }
}
