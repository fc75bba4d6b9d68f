package dev.flightdeck.journal.crypto;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Passphrase to key-encryption key: Argon2id (Bouncy Castle), 256-bit output used as an AES key. */
public final class Argon2Kdf {

    private Argon2Kdf() {}

    public static SecretKey deriveKey(char[] passphrase, KdfParameters parameters) {
        if (!parameters.isWithinBounds()) {
            throw new IllegalArgumentException("KDF parameters out of bounds: " + parameters.describe());
        }
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(parameters.salt())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] keyBytes = new byte[32];
        try {
            generator.generateBytes(passphrase, keyBytes);
            return new SecretKeySpec(keyBytes, "AES");
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
