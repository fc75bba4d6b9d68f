package dev.flightdeck.db.connect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A password kept in memory only encrypted (AES-GCM under a key that never leaves this object), so a
 * prompted password can be used again when the pool reconnects without sitting in the heap in the clear.
 */
public final class SealedSecret implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] nonce = new byte[12];
    private byte[] sealed;

    /** Seals the given characters and wipes the array it was given. */
    public SealedSecret(char[] secret) {
        try {
            key = KeyGenerator.getInstance("AES").generateKey();
            RANDOM.nextBytes(nonce);
            byte[] clear = encode(secret);
            sealed = cipher(Cipher.ENCRYPT_MODE).doFinal(clear);
            Arrays.fill(clear, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** A fresh copy of the secret; the caller wipes it. */
    public synchronized char[] reveal() {
        if (sealed == null) {
            throw new IllegalStateException("the secret was already destroyed");
        }
        try {
            byte[] clear = cipher(Cipher.DECRYPT_MODE).doFinal(sealed);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(clear));
            char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(clear, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed secret does not decrypt", e);
        }
    }

    @Override
    public synchronized void close() {
        if (sealed != null) {
            Arrays.fill(sealed, (byte) 0);
            sealed = null;
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static byte[] encode(char[] secret) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] result = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        return result;
    }
}
