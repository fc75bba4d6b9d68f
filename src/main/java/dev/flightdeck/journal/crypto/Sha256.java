package dev.flightdeck.journal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public final class Sha256 {

    /** Looking a digest up costs more than hashing a small record; each thread reuses one for {@link #of}. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static byte[] of(byte[]... parts) {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** SHA-256 of {@code bytes} from {@code from} to the end, without copying them. */
    public static byte[] ofRange(byte[] bytes, int from) {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        digest.update(bytes, from, bytes.length - from);
        return digest.digest();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
